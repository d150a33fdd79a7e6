using System;
using System.ClientModel.Primitives;
using System.Globalization;

namespace MagicHour.Runtime.Http;

/// <summary>What the runtime reads from response headers: the server's request id, how long it asks to wait, the body's length.</summary>
public static class ResponseHeaders
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid"];

    /// <summary>The server's request id (<c>x-request-id</c>, <c>request-id</c> or <c>x-amzn-requestid</c>), when it sent one.</summary>
    public static string? RequestIdOf(PipelineResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValue(name, out string? value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The wait the server asked for, from <c>Retry-After</c> as seconds or as a date.</summary>
    internal static TimeSpan? RetryAfterOf(PipelineResponse response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out string? header) || string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            ? Max(date - DateTimeOffset.UtcNow)
            : null;
    }

    /// <summary>The <c>Content-Length</c> header, or null when the length is not known in advance.</summary>
    internal static long? ContentLengthOf(PipelineResponse response) =>
        response.Headers.TryGetValue("Content-Length", out string? length) && long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;

    private static TimeSpan Max(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
