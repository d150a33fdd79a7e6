using System;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// A project that did not complete: it failed (<see cref="MagicHourErrorKind.ProjectFailed"/>, with the project's error
/// code and message), was canceled, was deleted, or did not finish in time (<see cref="MagicHourErrorKind.Timeout"/>,
/// with the last status seen). Also a project that completed, and was charged, but whose outputs could not be
/// downloaded (<see cref="ProjectStatus"/> is <c>complete</c>; the kind says why, e.g. <see cref="MagicHourErrorKind.InvalidResponse"/>
/// for a download URL the client cannot fetch): its outputs can be fetched later through the project's id.
/// Everything in it that the server sent has the API key redacted.
/// </summary>
public class MagicHourProjectException : MagicHourApiException
{
    /// <summary>Creates the exception.</summary>
    public MagicHourProjectException(
        MagicHourErrorKind kind,
        string message,
        string projectId,
        string? status,
        string? errorCode = null,
        string? errorMessage = null,
        string? operationId = null,
        Exception? innerException = null,
        int? creditsCharged = null)
        : base(kind, message, response: null, serverMessage: errorMessage, operationId: operationId, innerException: innerException)
    {
        ProjectId = projectId;
        ProjectStatus = status;
        ErrorCode = errorCode;
        CreditsCharged = creditsCharged;
    }

    /// <summary>The project's id.</summary>
    public string ProjectId { get; }

    /// <summary>The project's last status seen; null when no poll succeeded. (<see cref="System.ClientModel.ClientResultException.Status"/> is the HTTP status, 0 here.)</summary>
    public string? ProjectStatus { get; }

    /// <summary>The project's error code (e.g. <c>no_source_face</c>) when it failed.</summary>
    public string? ErrorCode { get; }

    /// <summary>The project's error message when it failed (the same as <see cref="MagicHourApiException.ServerMessage"/>).</summary>
    public string? ErrorMessage => ServerMessage;

    /// <summary>The credits the project cost, net of refunds, as last reported; null when unknown.</summary>
    public int? CreditsCharged { get; }
}
