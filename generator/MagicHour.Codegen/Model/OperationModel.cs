namespace MagicHour.Codegen.Model;

/// <summary>Where a parameter goes in the HTTP request.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>One path, query, header or cookie parameter of an operation.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped when it is a keyword).</param>
/// <param name="WireName">The name in the request.</param>
/// <param name="Explode">For arrays in the query: one <c>name=value</c> pair per item (true) or comma-separated (false).</param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    bool Explode,
    string? Description);

/// <summary>How a request body goes on the wire.</summary>
internal enum BodyKind
{
    Json,

    /// <summary>A binary body streamed from a caller's <c>Stream</c>.</summary>
    Stream,
    Multipart,
    FormUrlEncoded,
}

/// <summary>How the success response is read.</summary>
internal enum ResponseKind
{
    Json,

    /// <summary>A <c>text/*</c> body, returned as a string.</summary>
    Text,

    /// <summary>Any other non-JSON body, returned still streaming.</summary>
    Binary,
}

/// <summary>One field of a form body; the method takes it as its own parameter.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="WireName">The field name in the form.</param>
/// <param name="Type">The value's type; an array repeats the field. For a file, only whether it is an array matters.</param>
/// <param name="IsFile">A binary field, sent as a file part.</param>
internal sealed record FormFieldModel(string Name, string WireName, TypeRef Type, bool IsFile, bool IsRequired, string? Description);

/// <summary>The request body of an operation.</summary>
/// <param name="Type">The type of a JSON body; <see cref="TypeRef.Any"/> (unused) for the other kinds.</param>
internal sealed record RequestBodyModel(TypeRef Type, bool IsRequired, string? Description)
{
    public BodyKind Kind { get; init; } = BodyKind.Json;

    /// <summary>For a stream body: the Content-Type sent, or the default of <see cref="MediaTypeParameter"/>.</summary>
    public string? MediaType { get; init; }

    /// <summary>For a JSON body: its parameter; for a stream body: the <c>Stream</c> parameter; for a form: null (each field is a parameter).</summary>
    public string? ParameterName { get; init; }

    /// <summary>For a stream body whose media type the caller chooses (several or a wildcard): that parameter.</summary>
    public string? MediaTypeParameter { get; init; }

    /// <summary>For a form: its fields.</summary>
    public ImmutableEquatableArray<FormFieldModel> Fields { get; init; } = ImmutableEquatableArray<FormFieldModel>.Empty;
}

/// <summary>
/// The identifiers an operation's method declares besides the spec's parameters and the body. The parser claims them in
/// the same scope as the parameters, so no spec name (<c>body</c>, <c>cancellationToken</c>, <c>apiRequest</c>…) can clash.
/// </summary>
/// <param name="CancellationToken">The cancellation token parameter.</param>
/// <param name="Request">The local that holds the request being built.</param>
/// <param name="Item">The loop variable over an array parameter or form field.</param>
/// <param name="Form">For a form body: the local that collects its fields.</param>
/// <param name="RequestOptions">The <c>RequestOptions</c> parameter (per-call headers, policies, error behaviour), after the cancellation token.</param>
internal sealed record OperationNames(string CancellationToken, string Request, string Item, string? Form, string RequestOptions);

/// <summary>A documented error response, mapped to the runtime's exception.</summary>
internal sealed record ErrorResponseModel(string StatusCode, string? Description);

/// <summary>One API operation: an async method on its group's client.</summary>
/// <param name="MethodName">The C# method name without the <c>Async</c> suffix, e.g. <c>Create</c>.</param>
/// <param name="HttpMethod">Upper-case HTTP method.</param>
/// <param name="Path">The request path relative to the base address, with <c>{name}</c> placeholders.</param>
/// <param name="ResponseType">The type of the success body, or null when the operation returns none.</param>
/// <param name="Names">The method's other identifiers, claimed with its parameters in one scope.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string OperationId,
    DocModel Documentation,
    DeprecationModel? Deprecation,
    ImmutableEquatableArray<ParameterModel> Parameters,
    RequestBodyModel? RequestBody,
    TypeRef? ResponseType,
    ImmutableEquatableArray<ErrorResponseModel> Errors,
    ImmutableEquatableArray<string> Tags,
    OperationNames Names)
{
    /// <summary>Overrides of the workflow rules, from the spec or MSBuild.</summary>
    public WorkflowHints Hints { get; init; } = WorkflowHints.None;

    /// <summary>How the success body is read; for text and binary, <see cref="ResponseType"/> is a placeholder.</summary>
    public ResponseKind ResponseKind { get; init; } = ResponseKind.Json;

    /// <summary>The <c>Accept</c> header of a text or binary response: its media types.</summary>
    public string? ResponseAccept { get; init; }

    /// <summary>Set when the operation creates a project: a <c>GenerateAsync</c> is generated beside it.</summary>
    public WorkflowModel? Workflow { get; init; }

    /// <summary>Set on the status operation that polls a project type: its <c>ProjectState</c> adapter is generated beside it.</summary>
    public ProjectAdapterModel? ProjectAdapter { get; init; }

    /// <summary>Set on the operation that mints upload URLs: the upload call handed to the runtime is generated beside it.</summary>
    public UploadAdapterModel? UploadAdapter { get; init; }
}

/// <summary>A node of the client tree, e.g. <c>client.V1.ImageProjects</c>: its operations and sub-groups.</summary>
/// <param name="PropertyName">The property that leads to this group from its parent.</param>
/// <param name="ClassName">The generated class.</param>
/// <param name="PathSegments">The path segments that name the group, e.g. <c>v1</c>, <c>image-projects</c>.</param>
internal sealed record OperationGroupModel(
    string PropertyName,
    string ClassName,
    ImmutableEquatableArray<string> PathSegments,
    ImmutableEquatableArray<OperationModel> Operations,
    ImmutableEquatableArray<OperationGroupModel> Groups);
