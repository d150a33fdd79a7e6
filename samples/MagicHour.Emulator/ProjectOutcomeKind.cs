namespace MagicHour.Emulator;

internal enum ProjectOutcomeKind
{
    Complete,
    Canceled,
    Deleted,
    Error,
    Stuck,
}
