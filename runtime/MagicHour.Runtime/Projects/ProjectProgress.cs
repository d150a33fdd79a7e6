using System;

namespace MagicHour.Runtime.Projects;

/// <summary>What one poll of a project saw.</summary>
/// <param name="ProjectId">The project's id.</param>
/// <param name="Status">The status the server reported, which may be one this client does not know.</param>
/// <param name="Elapsed">Time since the wait started.</param>
/// <param name="Attempt">The number of this poll, from 1.</param>
public sealed record ProjectProgress(string ProjectId, string Status, TimeSpan Elapsed, int Attempt);
