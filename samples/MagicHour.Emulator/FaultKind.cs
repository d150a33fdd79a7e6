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
}
