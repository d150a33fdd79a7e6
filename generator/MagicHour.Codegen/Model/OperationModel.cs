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

/// <summary>The JSON request body of an operation.</summary>
internal sealed record RequestBodyModel(TypeRef Type, bool IsRequired, string? Description);

/// <summary>A documented error response, mapped to the runtime's exception.</summary>
internal sealed record ErrorResponseModel(string StatusCode, string? Description);

/// <summary>One API operation: an async method on its group's client.</summary>
/// <param name="MethodName">The C# method name without the <c>Async</c> suffix, e.g. <c>Create</c>.</param>
/// <param name="HttpMethod">Upper-case HTTP method.</param>
/// <param name="Path">The request path relative to the base address, with <c>{name}</c> placeholders.</param>
/// <param name="ResponseType">The type of the success body, or null when the operation returns none.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string OperationId,
    DocModel Documentation,
    string? ObsoleteMessage,
    ImmutableEquatableArray<ParameterModel> Parameters,
    RequestBodyModel? RequestBody,
    TypeRef? ResponseType,
    ImmutableEquatableArray<ErrorResponseModel> Errors,
    ImmutableEquatableArray<string> Tags)
{
    /// <summary>Overrides of the workflow rules, from the spec or MSBuild.</summary>
    public WorkflowHints Hints { get; init; } = WorkflowHints.None;

    /// <summary>Set when the operation creates a project: a <c>GenerateAsync</c> is generated beside it.</summary>
    public WorkflowModel? Workflow { get; init; }
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
