using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// Adds the bearer key, read from the credential for every attempt and hop (so a rotated key takes effect on the next
/// request), and only when the target is the API's own origin over https (or http to a loopback address): never to
/// another host after a redirect. Uploads and downloads go through a pipeline without this policy.
/// </summary>
internal sealed class ApiKeyPolicy(KeyRedactor keys, Uri apiOrigin) : PipelinePolicy
{
    private const string Authorization = "Authorization";

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Authenticate(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Authenticate(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Authenticate(PipelineMessage message)
    {
        message.Request.Headers.Remove(Authorization);
        Uri target = message.Request.Uri!;
        if (UriSafety.SameOrigin(target, apiOrigin) && UriSafety.IsSecureOrLoopback(target))
        {
            message.Request.Headers.Set(Authorization, "Bearer " + keys.KeyToSend());
        }
    }
}
