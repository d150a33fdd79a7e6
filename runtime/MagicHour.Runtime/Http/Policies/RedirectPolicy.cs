using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// Follows redirects itself (the client's handler has automatic redirects off), per attempt and before the key is
/// added, so that the key policy decides afresh for every hop whether the key may go there. An https to plain-http
/// downgrade is not followed, nor a redirect that would resend a stream body already read. Each attempt starts from
/// the original request.
/// </summary>
internal sealed class RedirectPolicy(int maxRedirects) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessAsync(message, pipeline, currentIndex).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        PipelineRequest request = message.Request;
        (string method, Uri uri, BinaryContent? content) = (request.Method, request.Uri!, request.Content);
        request.Headers.TryGetValue("Content-Type", out string? contentType);
        try
        {
            await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
            for (int hop = 0; hop < maxRedirects && Target(message) is { } target; hop++)
            {
                int status = message.Response!.Status;
                bool forceGet = (status == 303 || (request.Method == "POST" && status is 301 or 302)) && request.Method != "HEAD";
                if (!forceGet && request.Content is not null && !MessageContext.Of(message).CanResendBody())
                {
                    // The body was a stream that is already read: the redirect is the caller's to handle.
                    return;
                }

                message.ExtractResponse()?.Dispose();
                request.Uri = target;
                if (forceGet)
                {
                    request.Method = "GET";
                    request.Content = null;
                    request.Headers.Remove("Content-Type");
                }

                await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
            }
        }
        finally
        {
            request.Method = method;
            request.Uri = uri;
            request.Content = content;
            if (contentType is not null)
            {
                request.Headers.Set("Content-Type", contentType);
            }
        }
    }

    /// <summary>Where the response redirects to, when it is a redirect that may be followed.</summary>
    private static Uri? Target(PipelineMessage message)
    {
        PipelineResponse response = message.Response!;
        if (response.Status is not (301 or 302 or 303 or 307 or 308) || !response.Headers.TryGetValue("Location", out string? location)
            || !Uri.TryCreate(message.Request.Uri!, location, out Uri? target))
        {
            return null;
        }

        bool downgrade = message.Request.Uri!.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps;
        return UriSafety.IsHttp(target) && !downgrade ? target : null;
    }
}
