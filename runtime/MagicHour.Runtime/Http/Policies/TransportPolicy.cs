using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MagicHour.Runtime.Http.Policies;

/// <summary>Sends the attempt with <see cref="HttpClient"/> under the per-attempt timeout; the last policy.</summary>
internal sealed class TransportPolicy : PipelinePolicy
{
    private readonly HttpClient _httpClient;
    private readonly TimeSpan _timeout;

    public TransportPolicy(HttpClient httpClient, TimeSpan timeout)
    {
        _httpClient = httpClient;
        _timeout = timeout;
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, PipelineNext next)
    {
        HttpRequestMessage request = message.Request!;
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(message.CancellationToken);
        attemptCancellation.CancelAfter(_timeout);
        try
        {
            message.Response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!message.CancellationToken.IsCancellationRequested)
        {
            // Our timeout or HttpClient.Timeout: the request may well have reached the server.
            throw new TransportException(
                MagicHourErrorKind.Timeout,
                requestMayHaveBeenSent: true,
                $"no response from {request.RequestUri!.IdnHost} within {_timeout.TotalSeconds:0.###} s",
                ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransportException(MagicHourErrorKind.Network, !FailedBeforeSending(ex), ex.Message, ex);
        }
    }

    private static bool FailedBeforeSending(HttpRequestException ex) => ex.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}
