using System;

namespace MagicHour.Runtime.Projects;

/// <summary>
/// A project that did not complete: it failed (<see cref="MagicHourErrorKind.ProjectFailed"/>, with the project's error
/// code and message), was canceled, was deleted, or did not finish in time (<see cref="MagicHourErrorKind.Timeout"/>,
/// with the last status seen).
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
        Exception? innerException = null)
        : base(kind, message, statusCode: null, serverMessage: errorMessage, operationId: operationId, innerException: innerException)
    {
        ProjectId = projectId;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The project's id.</summary>
    public string ProjectId { get; }

    /// <summary>The last status seen; null when no poll succeeded.</summary>
    public string? Status { get; }

    /// <summary>The project's error code (e.g. <c>no_source_face</c>) when it failed.</summary>
    public string? ErrorCode { get; }

    /// <summary>The project's error message when it failed (the same as <see cref="MagicHourApiException.ServerMessage"/>).</summary>
    public string? ErrorMessage => ServerMessage;
}
