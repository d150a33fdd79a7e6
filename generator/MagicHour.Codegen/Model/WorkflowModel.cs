namespace MagicHour.Codegen.Model;

/// <summary>How an asset field sits in a request: a path value, a list of them, or an object (or list of objects) holding some.</summary>
internal enum AssetNodeKind
{
    Path,
    PathList,
    Object,
    ObjectList,
}

/// <summary>One step of the way from a request to its asset fields (e.g. <c>assets</c> → <c>image_file_path</c>).</summary>
/// <param name="PropertyName">The C# property.</param>
/// <param name="IsNullable">Whether the C# property may be null.</param>
/// <param name="TypeName">The record type, for <see cref="AssetNodeKind.Object"/> and <see cref="AssetNodeKind.ObjectList"/>.</param>
/// <param name="Children">The asset fields inside an object.</param>
internal sealed record AssetNodeModel(
    string PropertyName,
    AssetNodeKind Kind,
    bool IsNullable,
    string? TypeName,
    ImmutableEquatableArray<AssetNodeModel> Children);

/// <summary>What a <c>GenerateAsync</c> needs beside <c>CreateAsync</c>: how to read the created project and where to poll it.</summary>
/// <param name="IdProperty">The create response's property holding the project id.</param>
/// <param name="CreditsProperty">The create response's property holding the credits charged, if any.</param>
/// <param name="StatusPathPrefix">The status operation's path up to its id placeholder, e.g. <c>/v1/image-projects/</c>.</param>
/// <param name="StatusPathSuffix">What follows the placeholder, usually empty.</param>
/// <param name="StatusOperationId">The status operation's id.</param>
/// <param name="StatusClassName">The group class that holds the status operation.</param>
/// <param name="StatusMethodName">The status operation's method, without <c>Async</c>.</param>
/// <param name="ProjectType">The status operation's response type.</param>
/// <param name="Assets">The request's asset fields.</param>
internal sealed record WorkflowModel(
    string IdProperty,
    string? CreditsProperty,
    string StatusPathPrefix,
    string StatusPathSuffix,
    string StatusOperationId,
    string StatusClassName,
    string StatusMethodName,
    TypeRef ProjectType,
    ImmutableEquatableArray<AssetNodeModel> Assets);

/// <summary>What the spec (extensions) or MSBuild metadata says about an operation's workflow.</summary>
/// <param name="StatusOperationId">Poll through this operation instead of the one the tag rule finds; <c>none</c> turns the workflow off.</param>
/// <param name="AssetFields">Extra asset fields by wire path, e.g. <c>face_mappings[].new_face</c>.</param>
internal sealed record WorkflowHints(string? StatusOperationId, ImmutableEquatableArray<string> AssetFields)
{
    public static WorkflowHints None { get; } = new(null, ImmutableEquatableArray<string>.Empty);
}
