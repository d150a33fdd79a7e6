using System;
using MagicHour.Runtime.Projects;

namespace MagicHour.Sample;

/// <summary>
/// Shows the project's status while the sample waits: one line rewritten in place on a terminal, a plain line per
/// change of status when the output is redirected (logs stay readable).
/// </summary>
internal sealed class ProgressDisplay : IProgress<ProjectProgress>
{
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private string? _lastStatus;

    public void Report(ProjectProgress value)
    {
        string line = $"  {value.Status,-10} {value.Elapsed.TotalSeconds,5:0.0}s  (poll {value.Attempt})";
        if (_interactive)
        {
            Console.Write("\r" + line);
        }
        else if (value.Status != _lastStatus)
        {
            Console.WriteLine(line);
        }

        _lastStatus = value.Status;
    }

    /// <summary>Ends the in-place line before other output.</summary>
    public void Finish()
    {
        if (_interactive && _lastStatus is not null)
        {
            Console.WriteLine();
        }
    }
}
