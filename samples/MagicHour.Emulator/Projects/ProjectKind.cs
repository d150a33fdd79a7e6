namespace MagicHour.Emulator.Projects;

/// <summary>Which create operation made a project.</summary>
internal enum ProjectKind
{
    ImageGenerator,
    ImageEditor,
}
