using System.Collections.Generic;

namespace MagicHour.Runtime.Projects;

/// <summary>What a generated <c>GenerateAsync</c> did: the project, how it ended, what it cost and the files it wrote.</summary>
/// <typeparam name="TProject">The typed project details, e.g. the response of <c>GET /v1/image-projects/{id}</c>.</typeparam>
/// <param name="ProjectId">The project's id.</param>
/// <param name="Status">The status of <paramref name="Project"/>: <c>complete</c> after a wait, else whatever the project reported.</param>
/// <param name="CreditsCharged">Credits taken, net of refunds, as last reported.</param>
/// <param name="Project">The project as last fetched: the very read that decided <paramref name="Status"/> and the downloads.</param>
/// <param name="DownloadedPaths">The output files written, in the order of the project's downloads; empty when not downloaded.</param>
/// <param name="OutputCount">How many outputs the project reported; 0 for a project that completed without any (which is logged as a warning).</param>
public sealed record ProjectResult<TProject>(
    string ProjectId,
    string Status,
    int? CreditsCharged,
    TProject Project,
    IReadOnlyList<string> DownloadedPaths,
    int OutputCount);
