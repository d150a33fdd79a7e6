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
/// <param name="LocalName">
/// For a nullable <see cref="AssetNodeKind.Object"/>, the variable its value is tested into; for an
/// <see cref="AssetNodeKind.ObjectList"/>, the loop variable and lambda parameter of its items.
/// </param>
/// <param name="Children">The asset fields inside an object.</param>
internal sealed record AssetNodeModel(
    string PropertyName,
    AssetNodeKind Kind,
    bool IsNullable,
    string? TypeName,
    string? LocalName,
    ImmutableEquatableArray<AssetNodeModel> Children);

/// <summary>
/// What a <c>GenerateAsync</c> needs beside <c>CreateAsync</c>: how to read the created project, which generated
/// calls fetch it, read its state and upload inputs, and every name the method declares.
/// </summary>
/// <param name="RequestParameter">The request body parameter, shared with <c>CreateAsync</c>.</param>
/// <param name="OptionsParameter">The <c>GenerateOptions</c> parameter.</param>
/// <param name="CancellationTokenParameter">The cancellation token parameter.</param>
/// <param name="WorkflowLocal">The local holding the runtime's <c>ProjectWorkflow</c>.</param>
/// <param name="CreatedLocal">The local holding the create response.</param>
/// <param name="IdProperty">The create response's property holding the project id (a string, possibly nullable).</param>
/// <param name="CreditsProperty">The create response's property holding the credits charged, if any.</param>
/// <param name="StatusPath">The status operation's path, for the docs, e.g. <c>/v1/image-projects/{id}</c>.</param>
/// <param name="StatusOperationId">The status operation's id.</param>
/// <param name="StatusClassName">The group class that holds the status operation.</param>
/// <param name="StatusMethodName">The status operation's method, without <c>Async</c>.</param>
/// <param name="ProjectType">The status operation's response type.</param>
/// <param name="ProjectAdapter">The static method that reads a project's state (one per project type, beside a status operation).</param>
/// <param name="Upload">The upload-URL operation to hand the runtime, when the API has one.</param>
/// <param name="Assets">The request's asset fields.</param>
internal sealed record WorkflowModel(
    string RequestParameter,
    string OptionsParameter,
    string CancellationTokenParameter,
    string WorkflowLocal,
    string CreatedLocal,
    string IdProperty,
    string? CreditsProperty,
    string StatusPath,
    string StatusOperationId,
    string StatusClassName,
    string StatusMethodName,
    TypeRef ProjectType,
    MethodRefModel ProjectAdapter,
    MethodRefModel? Upload,
    ImmutableEquatableArray<AssetNodeModel> Assets);

/// <summary>A generated method that a <c>GenerateAsync</c> calls: where it is and its name.</summary>
internal sealed record MethodRefModel(string ClassName, string MethodName);

/// <summary>A member of a generated type, and whether it may be null.</summary>
internal sealed record MemberModel(string PropertyName, bool IsNullable);

/// <summary>A text member of a generated type: a string, or an extensible enum whose wire value is its <c>Value</c>.</summary>
internal sealed record TextMemberModel(string PropertyName, bool IsNullable, bool IsEnum);

/// <summary>The project's list of outputs and the URL inside each item.</summary>
/// <param name="ItemParameter">The lambda parameter that stands for one item.</param>
internal sealed record DownloadsModel(MemberModel List, bool ItemsNullable, string ItemParameter, TextMemberModel Url);

/// <summary>The project's error object and its code and message.</summary>
internal sealed record ProjectErrorModel(MemberModel Error, TextMemberModel? Code, TextMemberModel? Message);

/// <summary>
/// The static method, beside a status operation, that turns its typed project into the runtime's <c>ProjectState</c>.
/// Members the project type lacks are null, and the adapter passes the runtime's defaults for them. Beside it, the
/// <c>RehydrateAsync</c> methods that take a project up again by its id or rehydration token.
/// </summary>
/// <param name="Rehydrate">The rehydrate methods' name and parameters, claimed among the class's members.</param>
internal sealed record ProjectAdapterModel(
    string MethodName,
    RehydrateNames Rehydrate,
    string ProjectTypeName,
    string ParameterName,
    TextMemberModel Id,
    TextMemberModel Status,
    MemberModel? Enabled,
    MemberModel? Credits,
    DownloadsModel? Downloads,
    ProjectErrorModel? Error);

/// <summary>The <c>RehydrateAsync</c> overloads of a status operation's group: method and parameter names.</summary>
internal sealed record RehydrateNames(string MethodName, string ProjectIdParameter, string TokenParameter, string CancellationTokenParameter);

/// <summary>
/// The method, beside the upload-URL operation, that the runtime calls with the files to upload: it builds the
/// operation's request from them and reads one upload URL and file path per file from its response.
/// </summary>
/// <param name="MethodName">The method, claimed among its class's members.</param>
/// <param name="OperationMethodName">The upload-URL operation's method, without <c>Async</c>.</param>
/// <param name="FilesParameter">The parameter with the runtime's file list.</param>
/// <param name="CancellationTokenParameter">The cancellation token parameter.</param>
/// <param name="RequestLocal">The local holding the request.</param>
/// <param name="ResponseLocal">The local holding the response.</param>
/// <param name="FileParameter">The lambda parameter for one file.</param>
/// <param name="TargetParameter">The lambda parameter for one item of the response.</param>
/// <param name="RequestTypeName">The request's record.</param>
/// <param name="ItemsProperty">The request's list of items.</param>
/// <param name="ItemTypeName">The record of one request item.</param>
/// <param name="AssetTypeProperty">The item's asset type property.</param>
/// <param name="AssetTypeEnumName">The extensible enum of the asset type, or null when it is a string.</param>
/// <param name="ExtensionProperty">The item's extension property.</param>
/// <param name="ResponseTypeName">The response's record.</param>
/// <param name="ResponseItems">The response's list of items.</param>
/// <param name="ResponseItemsNullable">Whether an item of that list may be null.</param>
/// <param name="UploadUrlProperty">The response item's upload URL.</param>
/// <param name="FilePathProperty">The response item's file path.</param>
internal sealed record UploadAdapterModel(
    string MethodName,
    string OperationMethodName,
    string FilesParameter,
    string CancellationTokenParameter,
    string RequestLocal,
    string ResponseLocal,
    string FileParameter,
    string TargetParameter,
    string RequestTypeName,
    string ItemsProperty,
    string ItemTypeName,
    string AssetTypeProperty,
    string? AssetTypeEnumName,
    string ExtensionProperty,
    string ResponseTypeName,
    MemberModel ResponseItems,
    bool ResponseItemsNullable,
    string UploadUrlProperty,
    string FilePathProperty);

/// <summary>What the spec's extensions say about an operation's workflow.</summary>
/// <param name="StatusOperationId">Poll through this operation instead of the one the tag rule finds; <c>none</c> turns the workflow off.</param>
/// <param name="AssetFields">Extra asset fields by wire path, e.g. <c>face_mappings[].new_face</c>.</param>
/// <param name="Pointer">The operation's JSON pointer, where a mistake in these extensions is reported.</param>
internal sealed record WorkflowHints(string? StatusOperationId, ImmutableEquatableArray<string> AssetFields, string Pointer)
{
    public static WorkflowHints None { get; } = new(null, ImmutableEquatableArray<string>.Empty, string.Empty);
}
