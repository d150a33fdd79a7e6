using System;
using System.Net.Http;

namespace MagicHour.Runtime.Http;

/// <summary>What the runtime reads from response headers: the server's request id and how long it asks to wait.</summary>
internal static class ResponseHeaders
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid"];

    /// <summary>The server's request id, when it sent one.</summary>
    public static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                return string.Join(",", values);
            }
        }

        return null;
    }

    /// <summary>The wait the server asked for, from <c>Retry-After</c> as seconds or as a date.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        TimeSpan? wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
