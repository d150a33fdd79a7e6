using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>
/// Follows redirects itself (the default handler has automatic redirects off), so that the authentication policy
/// decides afresh for every hop whether the key may go there. An https to plain-http downgrade is not followed.
/// </summary>
internal sealed class RedirectPolicy : PipelinePolicy
{
    private readonly int _maxRedirects;

    public RedirectPolicy(int maxRedirects) => _maxRedirects = maxRedirects;

    public override async ValueTask ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        await next.InvokeAsync(message).ConfigureAwait(false);
        for (int hop = 0; hop < _maxRedirects; hop++)
        {
            HttpResponseMessage response = message.Response!;
            Uri current = message.Request!.RequestUri!;
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return;
            }

            Uri target = location.IsAbsoluteUri ? location : new Uri(current, location);
            bool downgrade = current.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps;
            if (!UriSafety.IsHttp(target) || downgrade)
            {
                return;
            }

            HttpMethod method = message.Request.Method;
            bool forceGet = response.StatusCode == HttpStatusCode.SeeOther
                || (method == HttpMethod.Post && response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found);
            forceGet &= method != HttpMethod.Head;
            if (!forceGet && !message.CanResendBody())
            {
                // The body was a stream that is already read: the redirect is the caller's to handle.
                return;
            }

            message.Redirect(target, forceGet);
            await next.InvokeAsync(message).ConfigureAwait(false);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is
        HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
