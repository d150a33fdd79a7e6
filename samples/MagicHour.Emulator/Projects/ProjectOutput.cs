using System;

namespace MagicHour.Emulator.Projects;

/// <summary>One output of a project: its pre-signed download URL and, lazily, its bytes.</summary>
internal sealed class ProjectOutput
{
    private readonly Lazy<byte[]> _png;

    public ProjectOutput(Project project, int index, string name, string signature, Func<byte[]> renderPng)
    {
        Project = project;
        Index = index;
        Name = name;
        Signature = signature;
        _png = new Lazy<byte[]>(renderPng, isThreadSafe: true);
    }

    public Project Project { get; }

    public int Index { get; }

    /// <summary>The last path segment of the download URL, inserted raw.</summary>
    public string Name { get; }

    public string Signature { get; }

    /// <summary>The rendered PNG, made once on first download.</summary>
    public byte[] Png => _png.Value;
}
