using System;

namespace MagicHour.Emulator;

/// <summary>A fault injected into the next <see cref="Times"/> matching requests.</summary>
public sealed record FaultRule(FaultKind Kind)
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Path prefix to match (e.g. "/v1/ai-image-editor", "/downloads/"); null matches any.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>How many matching requests get the fault before the rule is used up.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Status code sent by <see cref="FaultKind.Status"/>.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>When set, <see cref="FaultKind.Status"/> sends Retry-After (whole seconds, at least 1).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How long <see cref="FaultKind.Delay"/> and <see cref="FaultKind.StallBody"/> wait; the gap between two bytes of <see cref="FaultKind.TrickleBody"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The JSON (or anything) <see cref="FaultKind.Body"/> sends; <c>{authorization}</c> is replaced by the request's bearer token.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>
    /// The request is processed first (project created, credits charged, bytes stored) and the fault
    /// only hits the response, e.g. a create whose answer never arrives.
    /// </summary>
    public bool AfterProcessing { get; init; }
}
