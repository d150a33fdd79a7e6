using System.Collections.Generic;
using System.Linq;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes <c>GenerateAsync</c> beside a create operation (upload local inputs, create, wait, download — the one call
/// the official SDKs offer) and the two generated pieces it hands the runtime: the <c>ProjectState</c> adapter beside a
/// status operation and the upload call beside the upload-URL operation. The steps that need no generated type live in
/// the runtime's <c>ProjectWorkflow</c>; every name written here comes from the model.
/// </summary>
internal static class WorkflowEmitter
{
    /// <param name="w">The writer of the create operation's group class.</param>
    /// <param name="operation">The create operation.</param>
    /// <param name="declarations">The create method's parameter declarations, without its cancellation token.</param>
    /// <param name="arguments">The names to pass them on to the create method with.</param>
    public static void Emit(CodeWriter w, OperationModel operation, IReadOnlyList<string> declarations, IReadOnlyList<string> arguments)
    {
        WorkflowModel workflow = operation.Workflow!;
        string projectType = CSharpType.Of(workflow.ProjectType, false);
        string request = workflow.RequestParameter;
        string local = workflow.WorkflowLocal;
        string token = workflow.CancellationTokenParameter;

        w.DocXml("summary", $"Does the whole job in one call: uploads the local files named in the request, creates the project like <see cref=\"{operation.MethodName}Async\"/>, waits for it to finish and downloads its outputs.");
        w.DocXml("remarks", string.Join("\n", new[]
        {
            "Every local input is checked (it exists, can be read, is not empty, has an extension the API takes) before the first",
            "upload, so a bad input costs neither an upload nor credits. URLs and <c>api-assets/…</c> paths are sent as they are.",
            $"The project is polled through <c>GET {CodeWriter.XmlText(workflow.StatusPath)}</c> (<c>{CodeWriter.XmlText(workflow.StatusOperationId)}</c>);",
            "the poll that sees it complete is the result.",
        }));
        w.Line($"/// <param name=\"{request.TrimStart('@')}\">The request; its asset fields may name local files.</param>");
        foreach (ParameterModel parameter in operation.Parameters)
        {
            string attribute = $"name=\"{parameter.Name.TrimStart('@')}\"";
            if (parameter.Description is { Length: > 0 } description)
            {
                w.DocTag("param", description, attribute);
            }
            else
            {
                w.DocXml("param", $"The <c>{CodeWriter.XmlText(parameter.WireName)}</c> parameter of <see cref=\"{operation.MethodName}Async\"/>.", attribute);
            }
        }

        w.Line($"/// <param name=\"{workflow.OptionsParameter}\">Whether to wait and download, where to, polling, progress and a size limit; null for the defaults.</param>");
        w.Line($"/// <param name=\"{token}\">Cancels the call.</param>");
        w.Line("/// <returns>The project id, its final status, the credits charged, its details and the files written.</returns>");
        w.Line($"/// <exception cref=\"{KnownTypes.ArgumentException}\">A local input cannot be uploaded; nothing was uploaded or charged.</exception>");
        w.Line($"/// <exception cref=\"{KnownTypes.MagicHourProjectException}\">The project failed, was canceled or deleted, or did not finish in time; or it completed but its outputs could not be downloaded.</exception>");
        w.Line($"/// <exception cref=\"{KnownTypes.MagicHourApiException}\">An API call failed, or the create returned no project id.</exception>");
        Deprecations.WriteFor(w, operation);

        var signature = declarations.ToList();
        signature.Add($"{KnownTypes.GenerateOptions}? {workflow.OptionsParameter} = null");
        signature.Add($"{KnownTypes.CancellationToken} {token} = default");
        w.OpenMethod($"public virtual async {KnownTypes.Task}<{KnownTypes.ProjectResult}<{projectType}>> GenerateAsync", signature);
        w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull({request});");
        w.Line($"using var {local} = new {KnownTypes.ProjectWorkflow}(_pipeline, {workflow.OptionsParameter}, {CodeWriter.Literal(operation.OperationId)});");
        if (workflow.Assets.Count > 0)
        {
            AddInputs(w, workflow.Assets, request, local);
            string upload = workflow.Upload is { } call ? $"new {call.ClassName}(_pipeline).{call.MethodName}" : "null";
            w.Line($"await {local}.UploadInputsAsync({upload}, {token}).ConfigureAwait(false);");
            w.Line($"{request} = {request} with");
            w.Line("{");
            w.Indent();
            Replace(w, workflow.Assets, request, local);
            w.Outdent();
            w.Line("};");
            w.Line();
        }

        var createArguments = arguments.ToList();
        createArguments.Add(token);
        string created = workflow.CreatedLocal;
        w.Line($"return await {local}.CompleteAsync(");
        w.Indent();
        w.Line($"{operation.MethodName}Async({string.Join(", ", createArguments)}),");
        w.Line($"static {created} => {created}.{workflow.IdProperty},");
        w.Line(workflow.CreditsProperty is null ? $"static {created} => null," : $"static {created} => {created}.{workflow.CreditsProperty},");
        w.Line($"{CodeWriter.Literal(workflow.StatusOperationId)},");
        w.Line($"new {workflow.StatusClassName}(_pipeline).{workflow.StatusMethodName}Async,");
        w.Line($"{workflow.ProjectAdapter.ClassName}.{workflow.ProjectAdapter.MethodName},");
        w.Line($"{token}).ConfigureAwait(false);");
        w.Outdent();
        w.Close();
    }

    /// <summary>The <c>RehydrateAsync</c> overloads beside a status operation: take a project up again by id or token.</summary>
    public static void EmitRehydrate(CodeWriter w, OperationModel status, ProjectAdapterModel adapter)
    {
        RehydrateNames names = adapter.Rehydrate;
        string operation = $"{KnownTypes.ProjectOperation}<{adapter.ProjectTypeName}>";
        string tail = $"{CodeWriter.Literal(status.OperationId)}, {status.MethodName}Async, {adapter.MethodName}, {names.CancellationTokenParameter}";
        w.Line();
        w.DocXml("summary", $"Takes up a project again by its id (after a process restart, in another client): reads it once through <see cref=\"{status.MethodName}Async\"/> and returns its operation, to wait for it and download its outputs.");
        w.Line($"/// <param name=\"{names.ProjectIdParameter}\">The project's id, as its create call returned it.</param>");
        w.Line($"/// <param name=\"{names.CancellationTokenParameter}\">Cancels the read.</param>");
        w.Line("/// <returns>The project's operation, with the project as read.</returns>");
        w.Line($"/// <exception cref=\"{KnownTypes.MagicHourApiException}\">The project cannot be read, e.g. it does not exist.</exception>");
        w.OpenMethod($"public virtual {KnownTypes.Task}<{operation}> {names.MethodName}", new[] { $"string {names.ProjectIdParameter}", $"{KnownTypes.CancellationToken} {names.CancellationTokenParameter} = default" });
        w.Line($"return {operation}.RehydrateAsync(_pipeline, {names.ProjectIdParameter}, {tail});");
        w.Close();
        w.Line();
        w.DocXml("summary", $"Takes up a project again from an operation's <c>RehydrationToken</c> (whose bytes may have been stored by another process).");
        w.Line($"/// <param name=\"{names.TokenParameter}\">The token.</param>");
        w.Line($"/// <param name=\"{names.CancellationTokenParameter}\">Cancels the read.</param>");
        w.Line("/// <returns>The project's operation, with the project as read.</returns>");
        w.Line($"/// <exception cref=\"{KnownTypes.ArgumentException}\">The token is not one of this kind of project.</exception>");
        w.OpenMethod($"public virtual {KnownTypes.Task}<{operation}> {names.MethodName}", new[] { $"{KnownTypes.ContinuationToken} {names.TokenParameter}", $"{KnownTypes.CancellationToken} {names.CancellationTokenParameter} = default" });
        w.Line($"return {operation}.RehydrateAsync(_pipeline, {names.TokenParameter}, {tail});");
        w.Close();
    }

    /// <summary>The static method that reads the runtime's <c>ProjectState</c> from a typed project.</summary>
    public static void EmitProjectAdapter(CodeWriter w, ProjectAdapterModel adapter)
    {
        string project = adapter.ParameterName;
        w.DocXml("summary", $"What waiting for a project and downloading its outputs need from <see cref=\"{adapter.ProjectTypeName}\"/>; <c>GenerateAsync</c> hands it to the runtime.");
        w.Line($"/// <param name=\"{project}\">A project as fetched.</param>");
        w.Line("/// <returns>Its id, status, credits, download URLs and error.</returns>");
        w.Line($"internal static {KnownTypes.ProjectState} {adapter.MethodName}({adapter.ProjectTypeName} {project}) => new(");
        w.Indent();
        w.Line($"{Text(project, adapter.Id, nullSafe: false)}{(adapter.Id.IsNullable ? " ?? string.Empty" : string.Empty)},");
        w.Line($"{Text(project, adapter.Status, nullSafe: false)}{(adapter.Status.IsNullable ? " ?? string.Empty" : string.Empty)},");
        w.Line(adapter.Enabled is { } enabled ? $"{project}.{enabled.PropertyName}{(enabled.IsNullable ? " ?? true" : string.Empty)}," : "true,");
        w.Line(adapter.Credits is { } credits ? $"{project}.{credits.PropertyName}," : "null,");
        if (adapter.Downloads is { } downloads)
        {
            string list = $"{project}.{downloads.List.PropertyName}";
            string item = downloads.ItemParameter;
            string urls = $"{KnownTypes.Enumerable}.ToList({KnownTypes.Enumerable}.Select({list}, static {item} => {Text(item, downloads.Url, nullSafe: downloads.ItemsNullable)}))";
            w.Line(downloads.List.IsNullable ? $"{list} is null ? {KnownTypes.Array}.Empty<string?>() : {urls}," : $"{urls},");
        }
        else
        {
            w.Line($"{KnownTypes.Array}.Empty<string?>(),");
        }

        string error = adapter.Error is { } e ? $"{project}.{e.Error.PropertyName}" : string.Empty;
        w.Line(adapter.Error?.Code is { } code ? $"{Text(error, code, nullSafe: true)}," : "null,");
        w.Line(adapter.Error?.Message is { } message ? $"{Text(error, message, nullSafe: true)});" : "null);");
        w.Outdent();
    }

    /// <summary>The method, beside the upload-URL operation, that the runtime calls with the files to upload.</summary>
    public static void EmitUploadAdapter(CodeWriter w, UploadAdapterModel adapter)
    {
        string files = adapter.FilesParameter;
        string token = adapter.CancellationTokenParameter;
        string file = adapter.FileParameter;
        string target = adapter.TargetParameter;
        w.DocXml("summary", $"Asks <see cref=\"{adapter.OperationMethodName}Async\"/> for one upload URL per file; <c>GenerateAsync</c> hands it to the runtime to upload local inputs.");
        w.Line($"/// <param name=\"{files}\">The asset type and extension of each file, in order.</param>");
        w.Line($"/// <param name=\"{token}\">Cancels the call.</param>");
        w.Line("/// <returns>Where to upload each file and the path to send in its place, in the same order.</returns>");
        w.OpenMethod(
            $"internal async {KnownTypes.Task}<{KnownTypes.IReadOnlyList}<{KnownTypes.AssetUploadTarget}>> {adapter.MethodName}",
            new[] { $"{KnownTypes.IReadOnlyList}<{KnownTypes.AssetUploadRequest}> {files}", $"{KnownTypes.CancellationToken} {token}" });
        string assetType = adapter.AssetTypeEnumName is null ? $"{file}.AssetType" : $"new {adapter.AssetTypeEnumName}({file}.AssetType)";
        w.Line($"var {adapter.RequestLocal} = new {adapter.RequestTypeName}");
        w.Line("{");
        w.Indent();
        w.Line($"{adapter.ItemsProperty} = {KnownTypes.Enumerable}.ToList({KnownTypes.Enumerable}.Select({files}, static {file} => new {adapter.ItemTypeName} {{ {adapter.AssetTypeProperty} = {assetType}, {adapter.ExtensionProperty} = {file}.Extension }})),");
        w.Outdent();
        w.Line("};");
        w.Line($"{adapter.ResponseTypeName} {adapter.ResponseLocal} = await {adapter.OperationMethodName}Async({adapter.RequestLocal}, {token}).ConfigureAwait(false);");
        string items = $"{adapter.ResponseLocal}.{adapter.ResponseItems.PropertyName}";
        string access = adapter.ResponseItemsNullable ? "?." : ".";
        string targets = $"{KnownTypes.Enumerable}.ToList({KnownTypes.Enumerable}.Select({items}, static {target} => new {KnownTypes.AssetUploadTarget}({target}{access}{adapter.UploadUrlProperty}, {target}{access}{adapter.FilePathProperty})))";
        w.Line(adapter.ResponseItems.IsNullable ? $"return {items} is null ? {KnownTypes.Array}.Empty<{KnownTypes.AssetUploadTarget}>() : {targets};" : $"return {targets};");
        w.Close();
    }

    /// <summary>Statements that note every asset value under <paramref name="owner"/> with the workflow.</summary>
    private static void AddInputs(CodeWriter w, IEnumerable<AssetNodeModel> nodes, string owner, string workflow)
    {
        foreach (AssetNodeModel node in nodes)
        {
            string access = $"{owner}.{node.PropertyName}";
            switch (node.Kind)
            {
                case AssetNodeKind.Path:
                    w.Line($"{workflow}.AddInput({access});");
                    break;
                case AssetNodeKind.PathList:
                    w.Line($"{workflow}.AddInputs({access});");
                    break;
                case AssetNodeKind.Object when !node.IsNullable:
                    AddInputs(w, node.Children, access, workflow);
                    break;
                case AssetNodeKind.Object:
                    w.Open($"if ({access} is {{ }} {node.LocalName})");
                    AddInputs(w, node.Children, node.LocalName!, workflow);
                    w.Close();
                    break;
                case AssetNodeKind.ObjectList:
                    w.Open($"foreach (var {node.LocalName} in {access}{(node.IsNullable ? $" ?? {KnownTypes.Array}.Empty<{node.TypeName}>()" : string.Empty)})");
                    AddInputs(w, node.Children, node.LocalName!, workflow);
                    w.Close();
                    break;
            }
        }
    }

    /// <summary>The members of a <c>with</c> expression that put the uploaded paths in place of the local ones.</summary>
    private static void Replace(CodeWriter w, IEnumerable<AssetNodeModel> nodes, string owner, string workflow)
    {
        foreach (AssetNodeModel node in nodes)
        {
            string access = $"{owner}.{node.PropertyName}";
            switch (node.Kind)
            {
                case AssetNodeKind.Path:
                case AssetNodeKind.PathList:
                    w.Line($"{node.PropertyName} = {workflow}.Resolve({access}){(node.IsNullable ? string.Empty : "!")},");
                    break;
                case AssetNodeKind.Object:
                    w.Line(node.IsNullable ? $"{node.PropertyName} = {access} is null ? null : {access} with" : $"{node.PropertyName} = {access} with");
                    w.Line("{");
                    w.Indent();
                    Replace(w, node.Children, access, workflow);
                    w.Outdent();
                    w.Line("},");
                    break;
                case AssetNodeKind.ObjectList:
                {
                    string item = node.LocalName!;
                    string select = $"{KnownTypes.Enumerable}.Select({access}, {item} => {item} with";
                    w.Line(node.IsNullable
                        ? $"{node.PropertyName} = {access} is null ? null : {KnownTypes.Enumerable}.ToList({select}"
                        : $"{node.PropertyName} = {KnownTypes.Enumerable}.ToList({select}");
                    w.Line("{");
                    w.Indent();
                    Replace(w, node.Children, item, workflow);
                    w.Outdent();
                    w.Line("})),");
                    break;
                }
            }
        }
    }

    /// <summary>A text member read as a string: an enum's wire value, a string as it is.</summary>
    private static string Text(string owner, TextMemberModel member, bool nullSafe)
    {
        string dot = nullSafe ? "?." : ".";
        string value = $"{owner}{dot}{member.PropertyName}";
        if (!member.IsEnum)
        {
            return value;
        }

        // A nullable enum is a Nullable<T> (or reached through ?.), whose value is read through ?. as well.
        return member.IsNullable ? $"{value}?.Value" : $"{value}.Value";
    }
}
