using System.Collections.Generic;
using System.Linq;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Writes <c>GenerateAsync</c> beside a create operation: upload local inputs, create, wait, download — the one call
/// the official SDKs offer. The steps that need no generated type live in the runtime's <c>ProjectWorkflow</c>.
/// </summary>
internal static class WorkflowEmitter
{
    public static void Emit(CodeWriter w, OperationModel operation, IReadOnlyList<string> declarations, IReadOnlyList<string> arguments)
    {
        WorkflowModel workflow = operation.Workflow!;
        string projectType = CSharpType.Of(workflow.ProjectType, false);
        string createdType = CSharpType.Of(operation.ResponseType!, false);
        string request = operation.RequestBody!.ParameterName!;
        string cancellationToken = operation.Names.CancellationToken;
        var locals = new NameScope(arguments.Concat(new[] { "options", cancellationToken, "workflow", "inputs", "uploads", "created" }).Select(a => a.TrimStart('@')));

        w.DocXml("summary", $"Does the whole job in one call: uploads the local files named in the request, creates the project like <see cref=\"{operation.MethodName}Async\"/>, waits for it to finish and downloads its outputs.");
        w.DocXml("remarks", string.Join("\n", new[]
        {
            "Every local input is checked (it exists, can be read, is not empty, has an extension the API takes) before the first",
            "upload, so a bad input costs neither an upload nor credits. URLs and <c>api-assets/…</c> paths are sent as they are.",
            $"The project is polled through <c>GET {CodeWriter.XmlText(workflow.StatusPathPrefix)}{{id}}{CodeWriter.XmlText(workflow.StatusPathSuffix)}</c> (<c>{CodeWriter.XmlText(workflow.StatusOperationId)}</c>).",
        }));
        w.Line($"/// <param name=\"{request}\">The request; its asset fields may name local files.</param>");
        w.Line("/// <param name=\"options\">Whether to wait and download, where to, polling and progress; null for the defaults.</param>");
        w.Line($"/// <param name=\"{cancellationToken}\">Cancels the call.</param>");
        w.Line("/// <returns>The project id, its final status, the credits charged, its details and the files written.</returns>");
        w.Line($"/// <exception cref=\"{KnownTypes.ArgumentException}\">A local input cannot be uploaded; nothing was uploaded or charged.</exception>");
        w.Line($"/// <exception cref=\"{KnownTypes.MagicHourProjectException}\">The project failed, was canceled or deleted, or did not finish in time.</exception>");
        w.Line($"/// <exception cref=\"{KnownTypes.MagicHourApiException}\">An API call failed.</exception>");
        Deprecations.WriteFor(w, operation);

        var signature = declarations.ToList();
        signature.Add($"{KnownTypes.GenerateOptions}? options = null");
        signature.Add($"{KnownTypes.CancellationToken} {cancellationToken} = default");
        w.OpenMethod($"public async {KnownTypes.Task}<{KnownTypes.ProjectResult}<{projectType}>> GenerateAsync", signature);
        w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull({request});");
        w.Line($"var workflow = new {KnownTypes.ProjectWorkflow}(_pipeline, options);");
        if (workflow.Assets.Count > 0)
        {
            w.Line($"var inputs = new {KnownTypes.List}<string?>();");
            Collect(w, workflow.Assets, request, locals);
            w.Line();
            w.Line($"{KnownTypes.IReadOnlyDictionary}<string, string> uploads = await workflow.UploadAsync(inputs, {cancellationToken}).ConfigureAwait(false);");
            w.Line($"{request} = {request} with");
            w.Line("{");
            w.Indent();
            Replace(w, workflow.Assets, request, 1);
            w.Outdent();
            w.Line("};");
            w.Line();
        }

        var createArguments = arguments.ToList();
        createArguments.Add(cancellationToken);
        w.Line($"{createdType} created = await {operation.MethodName}Async({string.Join(", ", createArguments)}).ConfigureAwait(false);");
        string credits = workflow.CreditsProperty is null ? "null" : $"created.{workflow.CreditsProperty}";
        string suffix = workflow.StatusPathSuffix.Length == 0 ? string.Empty : " + " + CodeWriter.Literal(workflow.StatusPathSuffix);
        w.Line("return await workflow.CompleteAsync(");
        w.Indent();
        w.Line($"created.{workflow.IdProperty},");
        w.Line($"{credits},");
        w.Line($"{CodeWriter.Literal(workflow.StatusPathPrefix)} + {KnownTypes.ParameterFormatter}.EscapePath(created.{workflow.IdProperty}){suffix},");
        w.Line($"{CodeWriter.Literal(workflow.StatusOperationId)},");
        w.Line($"new {workflow.StatusClassName}(_pipeline).{workflow.StatusMethodName}Async,");
        w.Line($"{cancellationToken}).ConfigureAwait(false);");
        w.Outdent();
        w.Close();
    }

    /// <summary>Statements that add every asset value under <paramref name="owner"/> to <c>inputs</c>.</summary>
    private static void Collect(CodeWriter w, IEnumerable<AssetNodeModel> nodes, string owner, NameScope locals)
    {
        foreach (AssetNodeModel node in nodes)
        {
            string access = $"{owner}.{node.PropertyName}";
            switch (node.Kind)
            {
                case AssetNodeKind.Path:
                    w.Line($"inputs.Add({access});");
                    break;
                case AssetNodeKind.PathList when node.IsNullable:
                    w.Open($"if ({access} is not null)");
                    w.Line($"inputs.AddRange({access});");
                    w.Close();
                    break;
                case AssetNodeKind.PathList:
                    w.Line($"inputs.AddRange({access});");
                    break;
                case AssetNodeKind.Object:
                {
                    if (!node.IsNullable)
                    {
                        Collect(w, node.Children, access, locals);
                        break;
                    }

                    string local = locals.Claim(Identifiers.ToCamelCase(node.PropertyName).TrimStart('@'));
                    w.Open($"if ({access} is {{ }} {local})");
                    Collect(w, node.Children, local, locals);
                    w.Close();
                    break;
                }

                case AssetNodeKind.ObjectList:
                {
                    string local = locals.Claim(Identifiers.ToCamelCase(Identifiers.Singularize(node.PropertyName)).TrimStart('@'));
                    w.Open($"foreach (var {local} in {access}{(node.IsNullable ? $" ?? {KnownTypes.Array}.Empty<{node.TypeName}>()" : string.Empty)})");
                    Collect(w, node.Children, local, locals);
                    w.Close();
                    break;
                }
            }
        }
    }

    /// <summary>The members of a <c>with</c> expression that put the uploaded paths in place of the local ones.</summary>
    private static void Replace(CodeWriter w, IEnumerable<AssetNodeModel> nodes, string owner, int depth)
    {
        foreach (AssetNodeModel node in nodes)
        {
            string access = $"{owner}.{node.PropertyName}";
            string bang = node.IsNullable ? string.Empty : "!";
            switch (node.Kind)
            {
                case AssetNodeKind.Path:
                case AssetNodeKind.PathList:
                    w.Line($"{node.PropertyName} = {KnownTypes.ProjectWorkflow}.Resolve(uploads, {access}){bang},");
                    break;
                case AssetNodeKind.Object:
                    w.Line(node.IsNullable ? $"{node.PropertyName} = {access} is null ? null : {access} with" : $"{node.PropertyName} = {access} with");
                    w.Line("{");
                    w.Indent();
                    Replace(w, node.Children, access, depth + 1);
                    w.Outdent();
                    w.Line("},");
                    break;
                case AssetNodeKind.ObjectList:
                {
                    string item = depth == 1 ? "item" : "item" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    string select = $"{KnownTypes.Enumerable}.ToList({KnownTypes.Enumerable}.Select({access}, {item} => {item} with";
                    w.Line($"{node.PropertyName} = {(node.IsNullable ? $"{access} is null ? null : " : string.Empty)}{select}");
                    w.Line("{");
                    w.Indent();
                    Replace(w, node.Children, item, depth + 1);
                    w.Outdent();
                    w.Line("})),");
                    break;
                }
            }
        }
    }
}
