using System;
using System.Collections.Concurrent;

namespace MagicHour.Emulator.Projects;

/// <summary>All projects and their outputs, by id and by download signature.</summary>
internal sealed class ProjectStore
{
    private readonly ConcurrentDictionary<string, Project> _projects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProjectOutput> _outputsBySignature = new(StringComparer.Ordinal);

    // Every project ever created, so that one replaced through a reused id still counts its credits.
    private readonly ConcurrentQueue<Project> _all = new();

    /// <summary>Adds a project; an id that is already taken (possible only with an overridden id) replaces the old project.</summary>
    public void Add(Project project)
    {
        _projects[project.Id] = project;
        _all.Enqueue(project);
        foreach (ProjectOutput output in project.Outputs)
        {
            _outputsBySignature[output.Signature] = output;
        }
    }

    public Project? Find(string id) => _projects.TryGetValue(id, out Project? project) ? project : null;

    public ProjectOutput? FindOutput(string signature) =>
        _outputsBySignature.TryGetValue(signature, out ProjectOutput? output) ? output : null;

    /// <summary>Credits currently charged over all projects (failed renders count 0).</summary>
    public long TotalCreditsCharged()
    {
        long total = 0;
        foreach (Project project in _all)
        {
            total += project.GetState().CreditsCharged;
        }

        return total;
    }
}
