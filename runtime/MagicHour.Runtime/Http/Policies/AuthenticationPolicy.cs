using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// Adds the bearer key to API calls, and only when the target is the API's own origin over https (or http to a
/// loopback address): never to upload or download URLs, never to another host after a redirect.
/// </summary>
internal sealed class AuthenticationPolicy : PipelinePolicy
{
    private readonly ApiKeyCredential _credential;
    private readonly Uri _apiOrigin;

    public AuthenticationPolicy(ApiKeyCredential credential, Uri apiOrigin)
    {
        _credential = credential;
        _apiOrigin = apiOrigin;
    }

    public override ValueTask ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        HttpRequestMessage request = message.Request!;
        request.Headers.Remove("Authorization");
        Uri target = request.RequestUri!;
        if (message.Authenticate && UriSafety.SameOrigin(target, _apiOrigin) && UriSafety.IsSecureOrLoopback(target))
        {
            request.Headers.TryAddWithoutValidation("Authorization", _credential.HeaderValue);
        }

        return next.InvokeAsync(message);
    }
}
