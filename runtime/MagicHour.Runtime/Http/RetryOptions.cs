using System;

namespace MagicHour.Runtime.Http;

/// <summary>
/// When failed requests are retried: 429 and 503 always; 502, 504, timeouts and broken connections only for requests
/// that are safe to repeat; connection failures before anything was sent always. A create call that the server may
/// have processed is never repeated, so it is never charged twice.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>How many times a request is retried after its first attempt; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; it doubles with each further retry, with ±20 % jitter.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest <c>Retry-After</c> the client waits for; a longer one ends the retries at once.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries cannot be negative.");
        }

        if (InitialDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialDelay), "Retry delays cannot be negative.");
        }
    }
}
