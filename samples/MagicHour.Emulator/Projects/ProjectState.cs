namespace MagicHour.Emulator.Projects;

/// <summary>What a project reports at one moment.</summary>
internal readonly record struct ProjectState(
    string Status,
    bool Enabled,
    long CreditsCharged,
    bool HasDownloads,
    string? ErrorCode,
    string? ErrorMessage);
