using System;
using System.ClientModel.Primitives;
using System.Globalization;

namespace MagicHour.Runtime.Http;

/// <summary>What the runtime reads from response headers: the server's request id and how long it asks to wait.</summary>
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

    private static TimeSpan Max(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
