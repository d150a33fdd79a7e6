using System.Collections.Generic;

namespace MagicHour.Runtime.Projects;

/// <summary>What a generated <c>GenerateAsync</c> did: the project, how it ended, what it cost and the files it wrote.</summary>
/// <typeparam name="TProject">The typed project details, e.g. the response of <c>GET /v1/image-projects/{id}</c>.</typeparam>
/// <param name="ProjectId">The project's id.</param>
/// <param name="Status">The last status seen: <c>complete</c> after a wait, else whatever the project reported.</param>
/// <param name="CreditsCharged">Credits taken, net of refunds, as last reported.</param>
/// <param name="Project">The project details as last fetched.</param>
/// <param name="DownloadedPaths">The output files written, in the order of the project's downloads; empty when not downloaded.</param>
public sealed record ProjectResult<TProject>(
    string ProjectId,
    string Status,
    int? CreditsCharged,
    TProject Project,
    IReadOnlyList<string> DownloadedPaths);
