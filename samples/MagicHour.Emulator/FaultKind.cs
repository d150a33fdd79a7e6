namespace MagicHour.Emulator;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Answers with <see cref="FaultRule.StatusCode"/> and an error body.</summary>
    Status,

    /// <summary>Answers 200 with a truncated, unparseable JSON body.</summary>
    MalformedJson,

    /// <summary>Waits <see cref="FaultRule.Delay"/> before answering.</summary>
    Delay,

    /// <summary>Aborts the connection (for downloads: after about half of the body).</summary>
    DropConnection,

    /// <summary>Processes the request, sends the status and headers of the real answer, then nothing for <see cref="FaultRule.Delay"/> before the body.</summary>
    StallBody,

    /// <summary>Processes the request, then sends the real answer one byte every <see cref="FaultRule.Delay"/>.</summary>
    TrickleBody,

    /// <summary>Processes the request, sends the headers and the first half of the real answer, then resets the connection.</summary>
    ResetMidBody,

    /// <summary>
    /// Answers <see cref="FaultRule.StatusCode"/> with <see cref="FaultRule.Body"/>, in which <c>{authorization}</c> stands
    /// for the request's bearer token: a server that echoes the API key into a message, an id or a broken value.
    /// </summary>
    Body,
}
