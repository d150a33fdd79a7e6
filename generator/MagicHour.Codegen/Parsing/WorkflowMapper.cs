using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Finds the operations that create a project, how to follow each one to completion, and everything the runtime is
/// handed for it: the status operation and an adapter from its typed project to the runtime's state, the upload-URL
/// operation, the asset fields, and every name <c>GenerateAsync</c> and the adapters declare.
/// <para>The rule: a <c>POST</c> whose request is an object and whose response has a string <c>id</c> creates a project.
/// It is polled through the <c>GET …/{id}</c> operation that shares one of its tags, takes only that string id and whose response has a
/// <c>status</c> (the "Image Projects" tag's <c>GET /v1/image-projects/{id}</c>, and so on for video and audio).
/// The project's <c>status</c>, <c>enabled</c>, <c>credits_charged</c>, <c>downloads[].url</c> and
/// <c>error.code</c>/<c>error.message</c> feed the wait and the downloads; absent ones take the runtime's defaults.
/// Local files are uploaded through the <c>POST</c> whose request is <c>items[]</c> of <c>type</c> and
/// <c>extension</c> and whose response is <c>items[]</c> of <c>upload_url</c> and <c>file_path</c>.
/// The spec extension <c>x-magichour-status-operation</c> or the MSBuild metadata <c>MagicHourStatusOperations</c>
/// names another status operation, or <c>none</c>. Asset fields are the request's properties named <c>*_file_path</c>
/// or <c>*_file_paths</c>, at any depth, plus those listed by <c>x-magichour-asset-fields</c> or
/// <c>MagicHourAssetFields</c> (paths such as <c>face_mappings[].new_face</c>). A mistake in an override is a
/// warning (MHCG0030–0033), never a silent fallback.</para>
/// </summary>
internal sealed class WorkflowMapper
{
    private const int MaxDepth = 8;
    private const string StatusExtension = "x-magichour-status-operation";
    private const string AssetFieldsExtension = "x-magichour-asset-fields";
    private const string StatusMetadata = "MagicHourStatusOperations";
    private const string AssetFieldsMetadata = "MagicHourAssetFields";
    private const string NotACreate = "does not create a project (a POST of an object whose response has a string id)";

    // Members every group class declares besides its operations and sub-groups (the root client's too).
    private static readonly string[] FixedMembers = { "_pipeline", "_ownsPipeline", "Pipeline", "DefaultBaseAddress", "Dispose", "GenerateAsync" };

    private readonly Dictionary<string, ObjectModel> _objects;
    private readonly Dictionary<string, Override> _statusOverrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Override>> _assetOverrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameScope> _classMembers = new(StringComparer.Ordinal);
    private readonly ParseContext _context;

    public WorkflowMapper(IEnumerable<TypeModel> types, SpecInput input, ParseContext context)
    {
        _context = context;
        _objects = new Dictionary<string, ObjectModel>(StringComparer.Ordinal);
        foreach (TypeModel type in types)
        {
            if (type is ObjectModel objectModel)
            {
                _objects.Add(objectModel.Name, objectModel);
            }
        }

        foreach (Override entry in ReadMetadata(input.StatusOperations, StatusMetadata, "'createOperationId=statusOperationId' (or '=none')"))
        {
            _statusOverrides[entry.OperationId] = entry;
        }

        foreach (Override entry in ReadMetadata(input.AssetFields, AssetFieldsMetadata, "'createOperationId=field.path,other[].field'"))
        {
            if (!_assetOverrides.TryGetValue(entry.OperationId, out List<Override>? list))
            {
                _assetOverrides[entry.OperationId] = list = new List<Override>();
            }

            foreach (string field in entry.Value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0))
            {
                list.Add(entry with { Value = field });
            }
        }
    }

    /// <summary>Reads the <c>x-magichour-*</c> extensions of an operation; a value of the wrong shape is reported and left out.</summary>
    public static WorkflowHints ReadHints(OpenApiOperation operation, string pointer, ParseContext context)
    {
        if (operation.Extensions is not { Count: > 0 } extensions)
        {
            return WorkflowHints.None;
        }

        string? status = null;
        if (extensions.TryGetValue(StatusExtension, out IOpenApiExtension? statusValue))
        {
            JsonNode? node = (statusValue as JsonNodeExtension)?.Node;
            if (node is JsonValue value && value.TryGetValue(out string? text) && text.Trim().Length > 0)
            {
                status = text.Trim();
            }
            else
            {
                context.Report(DiagnosticDescriptors.MalformedWorkflowOverride, pointer + "/" + StatusExtension, Shown(node), "the id of a status operation, or 'none'");
            }
        }

        var fields = new List<string>();
        if (extensions.TryGetValue(AssetFieldsExtension, out IOpenApiExtension? fieldsValue))
        {
            JsonNode? node = (fieldsValue as JsonNodeExtension)?.Node;
            if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue item && item.TryGetValue(out string? field) && field.Trim().Length > 0)
                    {
                        fields.Add(field.Trim());
                    }
                    else
                    {
                        context.Report(DiagnosticDescriptors.MalformedWorkflowOverride, $"{pointer}/{AssetFieldsExtension}/{i}", Shown(array[i]), "a field path such as 'assets.image_file_path'");
                    }
                }
            }
            else
            {
                context.Report(DiagnosticDescriptors.MalformedWorkflowOverride, pointer + "/" + AssetFieldsExtension, Shown(node), "an array of field paths");
            }
        }

        return status is null && fields.Count == 0 ? WorkflowHints.None : new WorkflowHints(status, fields.ToImmutableEquatableArray(), pointer);
    }

    public OperationGroupModel Attach(OperationGroupModel root)
    {
        var all = new List<Located>();
        Collect(root, all);
        var byId = new Dictionary<string, Located>(StringComparer.Ordinal);
        var statusCandidates = new List<Located>();
        foreach (Located located in all)
        {
            if (!byId.ContainsKey(located.Operation.OperationId))
            {
                byId[located.Operation.OperationId] = located;
            }

            if (IsStatusOperation(located.Operation))
            {
                statusCandidates.Add(located);
            }
        }

        CheckOverriddenOperations(all, byId);
        var added = new Dictionary<object, OperationModel>(ReferenceEqualityComparer.Instance);
        Upload? upload = FindUpload(all);
        if (upload is not null)
        {
            added[upload.Operation.Operation] = upload.Operation.Operation with { UploadAdapter = upload.Adapter };
        }

        var adapters = new Dictionary<string, MethodRefModel>(StringComparer.Ordinal);
        var workflows = new Dictionary<object, WorkflowModel>(ReferenceEqualityComparer.Instance);
        foreach (Located create in all)
        {
            if (WorkflowFor(create, byId, statusCandidates, upload, adapters, added) is { } workflow)
            {
                workflows[create.Operation] = workflow;
            }
        }

        return Rebuild(root, added, workflows);
    }

    private static OperationGroupModel Rebuild(OperationGroupModel group, Dictionary<object, OperationModel> added, Dictionary<object, WorkflowModel> workflows)
    {
        var operations = new List<OperationModel>(group.Operations.Count);
        foreach (OperationModel o in group.Operations)
        {
            operations.Add((added.TryGetValue(o, out OperationModel? withAdapters) ? withAdapters : o) with { Workflow = workflows.TryGetValue(o, out WorkflowModel? w) ? w : null });
        }

        var groups = new List<OperationGroupModel>(group.Groups.Count);
        foreach (OperationGroupModel child in group.Groups)
        {
            groups.Add(Rebuild(child, added, workflows));
        }

        return group with { Operations = operations.ToImmutableEquatableArray(), Groups = groups.ToImmutableEquatableArray() };
    }

    private WorkflowModel? WorkflowFor(
        Located create,
        Dictionary<string, Located> byId,
        List<Located> statusCandidates,
        Upload? upload,
        Dictionary<string, MethodRefModel> adapters,
        Dictionary<object, OperationModel> added)
    {
        OperationModel operation = create.Operation;
        if (!CreatesProject(operation, out ObjectModel? request, out ObjectModel? created))
        {
            return null;
        }

        Located? status;
        Override? chosen = _statusOverrides.TryGetValue(operation.OperationId, out Override? fromMetadata)
            ? fromMetadata
            : operation.Hints.StatusOperationId is { } fromSpec ? Override.FromExtension(operation, StatusExtension, fromSpec) : null;
        if (chosen is not null)
        {
            if (string.Equals(chosen.Value, "none", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            status = statusCandidates.FirstOrDefault(c => c.Operation.OperationId == chosen.Value);
            if (status is null)
            {
                string why = byId.ContainsKey(chosen.Value) ? "it is not a GET …/{id} taking only the id, whose response has an id and a status" : "no operation has that id";
                Report(DiagnosticDescriptors.WorkflowOverrideUnknownStatusOperation, chosen, chosen.Value, operation.OperationId, why);
                return null;
            }
        }
        else
        {
            status = SharingATag(statusCandidates, operation);
            if (status is null)
            {
                return null;
            }
        }

        // Every name GenerateAsync declares, clear of the parameters it shares with the create operation.
        string requestName = operation.RequestBody!.ParameterName ?? "request";
        var names = new NameScope(operation.Parameters.Select(p => p.Name.TrimStart('@')).Concat(new[] { requestName }));
        string options = names.Claim("options", "generateOptions");
        string cancellationToken = names.Claim("cancellationToken");
        string workflow = names.Claim("workflow", "projectWorkflow");
        string createdLocal = names.Claim("created", "createdProject");

        var fields = new List<Override>();
        fields.AddRange(operation.Hints.AssetFields.Select(f => Override.FromExtension(operation, AssetFieldsExtension, f)));
        if (_assetOverrides.TryGetValue(operation.OperationId, out List<Override>? fromBuild))
        {
            fields.AddRange(fromBuild);
        }

        var matched = new HashSet<Override>(ReferenceEqualityComparer.Instance);
        List<AssetNodeModel> assets = AssetsOf(request!, fields.Select(f => new Pending(f, f.Value.Split('.'), 0)).ToList(), 0, names, matched);
        List<Override> unmatched = fields.Where(f => !matched.Contains(f)).ToList();
        foreach (Override field in unmatched)
        {
            Report(DiagnosticDescriptors.WorkflowOverrideUnknownAssetField, field, field.Value, operation.OperationId, $"the request {request!.Name} has no such field holding a string or a list of strings");
        }

        if (unmatched.Count > 0)
        {
            return null;
        }

        ObjectModel project = _objects[status.Operation.ResponseType!.Name!];
        if (!adapters.TryGetValue(project.Name, out MethodRefModel? adapter))
        {
            adapter = new MethodRefModel(status.Group.ClassName, MembersOf(status.Group).Claim("ToProjectState", "ToMagicHourProjectState"));
            adapters[project.Name] = adapter;
            OperationModel host = added.TryGetValue(status.Operation, out OperationModel? already) ? already : status.Operation;
            var rehydrateParameters = new NameScope();
            var rehydrate = new RehydrateNames(
                MembersOf(status.Group).Claim("RehydrateAsync", "RehydrateProjectAsync"),
                rehydrateParameters.Claim("projectId"),
                rehydrateParameters.Claim("rehydrationToken"),
                rehydrateParameters.Claim("cancellationToken"));
            added[status.Operation] = host with { ProjectAdapter = ProjectAdapterFor(project, adapter.MethodName, rehydrate) };
        }

        PropertyModel id = created!.Properties.First(IsIdProperty);
        PropertyModel? credits = Property(created, "credits_charged") is { Type.Kind: TypeRefKind.Int32 } charged ? charged : null;
        return new WorkflowModel(
            requestName,
            options,
            cancellationToken,
            workflow,
            createdLocal,
            id.Name,
            credits?.Name,
            status.Operation.Path,
            status.Operation.OperationId,
            status.Group.ClassName,
            status.Operation.MethodName,
            status.Operation.ResponseType!,
            adapter,
            upload is null ? null : new MethodRefModel(upload.Operation.Group.ClassName, upload.Adapter.MethodName),
            assets.ToImmutableEquatableArray());
    }

    /// <summary>
    /// The asset fields of <paramref name="type"/>: by naming pattern, or listed in <paramref name="pending"/> (override
    /// paths with how far they are matched). Every override path that ends on a string or a list of strings is added to <paramref name="matched"/>.
    /// </summary>
    private List<AssetNodeModel> AssetsOf(ObjectModel type, List<Pending> pending, int depth, NameScope locals, HashSet<Override> matched)
    {
        var nodes = new List<AssetNodeModel>();
        if (depth > MaxDepth)
        {
            return nodes;
        }

        foreach (PropertyModel property in type.Properties)
        {
            List<Pending> here = pending.Where(p => Step(p.Segments[p.Index]) == property.WireName).ToList();
            List<Pending> ending = here.Where(p => p.Index == p.Segments.Length - 1).ToList();
            bool isPath = property.Type.Kind == TypeRefKind.String
                && (property.WireName.EndsWith("_file_path", StringComparison.Ordinal) || ending.Count > 0);
            bool isPathList = property.Type.Kind == TypeRefKind.Array && property.Type.Element!.Kind == TypeRefKind.String && !property.Type.Element.IsNullable
                && (property.WireName.EndsWith("_file_paths", StringComparison.Ordinal) || ending.Count > 0);
            if (isPath || isPathList)
            {
                matched.UnionWith(ending.Select(p => p.Field));
                nodes.Add(new AssetNodeModel(property.Name, isPath ? AssetNodeKind.Path : AssetNodeKind.PathList, property.IsCSharpNullable, null, null, ImmutableEquatableArray<AssetNodeModel>.Empty));
                continue;
            }

            bool isList = property.Type.Kind == TypeRefKind.Array;
            TypeRef objectType = isList ? property.Type.Element! : property.Type;
            if (objectType.Kind != TypeRefKind.Object || (isList && objectType.IsNullable) || !_objects.TryGetValue(objectType.Name!, out ObjectModel? inner))
            {
                continue;
            }

            List<Pending> nested = here.Where(p => p.Index < p.Segments.Length - 1).Select(p => p with { Index = p.Index + 1 }).ToList();
            List<AssetNodeModel> children = AssetsOf(inner, nested, depth + 1, locals, matched);
            if (children.Count == 0)
            {
                continue;
            }

            string? local = isList
                ? locals.Claim(Identifiers.ToCamelCase(Identifiers.Singularize(property.Name)).TrimStart('@'), "item")
                : property.IsCSharpNullable ? locals.Claim(Identifiers.ToCamelCase(property.Name).TrimStart('@'), Identifiers.ToCamelCase(property.Name + "Value").TrimStart('@')) : null;
            nodes.Add(new AssetNodeModel(property.Name, isList ? AssetNodeKind.ObjectList : AssetNodeKind.Object, property.IsCSharpNullable, inner.Name, local, children.ToImmutableEquatableArray()));
        }

        return nodes;
    }

    /// <summary>The project type's members that the runtime's <c>ProjectState</c> takes.</summary>
    private ProjectAdapterModel ProjectAdapterFor(ObjectModel project, string methodName, RehydrateNames rehydrate)
    {
        var names = new NameScope(new[] { methodName });
        string parameter = names.Claim("project");
        DownloadsModel? downloads = null;
        if (Property(project, "downloads") is { Type: { Kind: TypeRefKind.Array, Element: { Kind: TypeRefKind.Object } item } } list
            && _objects.TryGetValue(item.Name!, out ObjectModel? download) && TextMember(download, "url") is { } url)
        {
            downloads = new DownloadsModel(new MemberModel(list.Name, list.IsCSharpNullable), item.IsNullable, names.Claim("download", "output"), url);
        }

        ProjectErrorModel? error = null;
        if (Property(project, "error") is { Type.Kind: TypeRefKind.Object } errorProperty && _objects.TryGetValue(errorProperty.Type.Name!, out ObjectModel? errorType))
        {
            TextMemberModel? code = TextMember(errorType, "code");
            TextMemberModel? message = TextMember(errorType, "message");
            error = code is null && message is null ? null : new ProjectErrorModel(new MemberModel(errorProperty.Name, errorProperty.IsCSharpNullable), code, message);
        }

        return new ProjectAdapterModel(
            methodName,
            rehydrate,
            project.Name,
            parameter,
            TextMember(project, "id")!,
            TextMember(project, "status")!,
            Member(project, "enabled", TypeRefKind.Boolean),
            Member(project, "credits_charged", TypeRefKind.Int32),
            downloads,
            error);
    }

    /// <summary>
    /// The operation that mints upload URLs: a <c>POST</c> without parameters whose request is <c>items[]</c> of
    /// <c>type</c> and <c>extension</c> (nothing else required) and whose response is <c>items[]</c> of
    /// <c>upload_url</c> and <c>file_path</c>; with the method that builds its request from the runtime's file list.
    /// </summary>
    private Upload? FindUpload(List<Located> all)
    {
        foreach (Located located in all)
        {
            OperationModel operation = located.Operation;
            if (operation.HttpMethod != "POST" || operation.Parameters.Count > 0 || operation.ResponseKind != ResponseKind.Json
                || operation.RequestBody is not { Kind: BodyKind.Json, Type: { Kind: TypeRefKind.Object } requestRef }
                || operation.ResponseType is not { Kind: TypeRefKind.Object } responseRef
                || !_objects.TryGetValue(requestRef.Name!, out ObjectModel? request) || !_objects.TryGetValue(responseRef.Name!, out ObjectModel? response)
                || ItemsOf(request) is not { } items || !_objects.TryGetValue(items.Type.Element!.Name!, out ObjectModel? item)
                || ItemsOf(response) is not { } targets || !_objects.TryGetValue(targets.Type.Element!.Name!, out ObjectModel? target)
                || Property(item, "type") is not { Type.Kind: TypeRefKind.String or TypeRefKind.Enum } assetType
                || Property(item, "extension") is not { Type.Kind: TypeRefKind.String } extension
                || Property(target, "upload_url") is not { Type.Kind: TypeRefKind.String } uploadUrl
                || Property(target, "file_path") is not { Type.Kind: TypeRefKind.String } filePath
                || RequiresOtherThan(request, items)
                || RequiresOtherThan(item, assetType, extension))
            {
                continue;
            }

            var names = new NameScope();
            var adapter = new UploadAdapterModel(
                MembersOf(located.Group).Claim("RequestUploadUrlsAsync", operation.MethodName + "UploadUrlsAsync"),
                operation.MethodName,
                names.Claim("files"),
                names.Claim("cancellationToken"),
                names.Claim("request"),
                names.Claim("response"),
                names.Claim("file"),
                names.Claim("target"),
                request.Name,
                items.Name,
                item.Name,
                assetType.Name,
                assetType.Type.Kind == TypeRefKind.Enum ? assetType.Type.Name : null,
                extension.Name,
                response.Name,
                new MemberModel(targets.Name, targets.IsCSharpNullable),
                targets.Type.Element!.IsNullable,
                uploadUrl.Name,
                filePath.Name);
            return new Upload(located, adapter);
        }

        return null;
    }

    /// <summary>The <c>items</c> property when it is a list of objects.</summary>
    private static PropertyModel? ItemsOf(ObjectModel type) =>
        Property(type, "items") is { Type: { Kind: TypeRefKind.Array, Element.Kind: TypeRefKind.Object } } items ? items : null;

    private static PropertyModel? Property(ObjectModel type, string wireName)
    {
        foreach (PropertyModel property in type.Properties)
        {
            if (property.WireName == wireName)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> requires a property besides <paramref name="allowed"/> (its own, by reference).</summary>
    private static bool RequiresOtherThan(ObjectModel type, params PropertyModel[] allowed)
    {
        foreach (PropertyModel property in type.Properties)
        {
            bool isAllowed = false;
            foreach (PropertyModel other in allowed)
            {
                isAllowed |= ReferenceEquals(property, other);
            }

            if (property.IsRequired && !isAllowed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first of <paramref name="candidates"/> that shares a tag with <paramref name="operation"/>.</summary>
    private static Located? SharingATag(List<Located> candidates, OperationModel operation)
    {
        foreach (Located candidate in candidates)
        {
            foreach (string tag in candidate.Operation.Tags)
            {
                if (operation.Tags.Contains(tag))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static MemberModel? Member(ObjectModel type, string wireName, TypeRefKind kind) =>
        Property(type, wireName) is { } property && property.Type.Kind == kind ? new MemberModel(property.Name, property.IsCSharpNullable) : null;

    /// <summary>A property read as text: a string, or an extensible enum.</summary>
    private static TextMemberModel? TextMember(ObjectModel type, string wireName) =>
        Property(type, wireName) is { Type.Kind: TypeRefKind.String or TypeRefKind.Enum } property
            ? new TextMemberModel(property.Name, property.IsCSharpNullable, property.Type.Kind == TypeRefKind.Enum)
            : null;

    private static bool IsIdProperty(PropertyModel property) => property.WireName == "id" && property.Type.Kind == TypeRefKind.String;

    private bool CreatesProject(OperationModel operation, out ObjectModel? request, out ObjectModel? created)
    {
        request = null;
        created = null;
        return operation.HttpMethod == "POST"
            && operation.ResponseKind == ResponseKind.Json
            && operation.RequestBody is { Kind: BodyKind.Json, Type: { Kind: TypeRefKind.Object } body }
            && operation.ResponseType is { Kind: TypeRefKind.Object } response
            && _objects.TryGetValue(response.Name!, out created) && _objects.TryGetValue(body.Name!, out request)
            && created.Properties.Any(IsIdProperty);
    }

    private bool IsStatusOperation(OperationModel operation) =>
        operation.HttpMethod == "GET"
        && operation.Parameters.Count == 1
        && operation.Parameters[0] is { Location: Model.ParameterLocation.Path, Type.Kind: TypeRefKind.String }
        && operation.Path.TrimEnd('/').EndsWith("}", StringComparison.Ordinal)
        && operation.ResponseKind == ResponseKind.Json
        && operation.ResponseType is { Kind: TypeRefKind.Object } response
        && _objects.TryGetValue(response.Name!, out ObjectModel? project)
        && TextMember(project, "status") is not null && TextMember(project, "id") is not null;

    /// <summary>
    /// Reports overrides of operations that do not create a project: MSBuild entries that name no such operation (they
    /// are dropped), and extensions on an operation that is not a create.
    /// </summary>
    private void CheckOverriddenOperations(List<Located> all, Dictionary<string, Located> byId)
    {
        foreach (Located located in all)
        {
            WorkflowHints hints = located.Operation.Hints;
            if (hints != WorkflowHints.None && !CreatesProject(located.Operation, out _, out _))
            {
                Override source = hints.StatusOperationId is { } status
                    ? Override.FromExtension(located.Operation, StatusExtension, status)
                    : Override.FromExtension(located.Operation, AssetFieldsExtension, hints.AssetFields[0]);
                Report(DiagnosticDescriptors.WorkflowOverrideUnknownOperation, source, located.Operation.OperationId, NotACreate);
            }
        }

        foreach (Override entry in _statusOverrides.Values.Concat(_assetOverrides.Values.SelectMany(l => l.Take(1))).ToList())
        {
            string? why = !byId.TryGetValue(entry.OperationId, out Located? located) ? "does not exist"
                : !CreatesProject(located.Operation, out _, out _) ? NotACreate
                : null;
            if (why is null)
            {
                continue;
            }

            Report(DiagnosticDescriptors.WorkflowOverrideUnknownOperation, entry, entry.OperationId, why);
            _statusOverrides.Remove(entry.OperationId);
            _assetOverrides.Remove(entry.OperationId);
        }
    }

    /// <summary>The names taken in a group class, to add methods without a clash.</summary>
    private NameScope MembersOf(OperationGroupModel group)
    {
        if (!_classMembers.TryGetValue(group.ClassName, out NameScope? scope))
        {
            var taken = new List<string>(FixedMembers) { group.ClassName };
            foreach (OperationModel operation in group.Operations)
            {
                taken.Add(operation.MethodName + "Async");
            }

            foreach (OperationGroupModel child in group.Groups)
            {
                taken.Add(child.PropertyName);
            }

            scope = new NameScope(taken);
            _classMembers[group.ClassName] = scope;
        }

        return scope;
    }

    private void Report(DiagnosticDescriptor descriptor, Override source, params string[] args)
    {
        // {0} is where the entry is: ParseContext.Report puts the extension's pointer there; the MSBuild metadata is named.
        if (source.Pointer is null)
        {
            _context.ReportWithoutLocation(descriptor, new[] { source.Where, source.Entry }.Concat(args).ToArray());
        }
        else
        {
            _context.Report(descriptor, source.Pointer, new[] { source.Entry }.Concat(args).ToArray());
        }
    }

    /// <summary>The entries of an MSBuild metadata value (<c>key=value;…</c>); a malformed one is reported and left out.</summary>
    private List<Override> ReadMetadata(string? text, string metadata, string expected)
    {
        var entries = new List<Override>();
        if (text is not { Length: > 0 })
        {
            return entries;
        }

        foreach (string raw in text.Split(';'))
        {
            string entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            int equals = entry.IndexOf('=');
            string key = equals < 0 ? string.Empty : entry.Substring(0, equals).Trim();
            string value = equals < 0 ? string.Empty : entry.Substring(equals + 1).Trim();
            if (key.Length == 0 || value.Length == 0)
            {
                _context.ReportWithoutLocation(DiagnosticDescriptors.MalformedWorkflowOverride, $"The MSBuild metadata {metadata}", entry, expected);
                continue;
            }

            entries.Add(new Override(key, value, entry, $"The MSBuild metadata {metadata}", null));
        }

        return entries;
    }

    private static string Step(string segment) => segment.EndsWith("[]", StringComparison.Ordinal) ? segment.Substring(0, segment.Length - 2) : segment;

    private static string Shown(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static void Collect(OperationGroupModel group, List<Located> all)
    {
        foreach (OperationModel operation in group.Operations)
        {
            all.Add(new Located(operation, group));
        }

        foreach (OperationGroupModel child in group.Groups)
        {
            Collect(child, all);
        }
    }

    /// <summary>
    /// An operation and the group class it is generated in. A class, not a struct: lists, dictionaries and LINQ over a
    /// reference type share the framework's precompiled code, where a struct would have each JIT-compiled for it.
    /// </summary>
    private sealed record Located(OperationModel Operation, OperationGroupModel Group);

    /// <summary>The operation that mints upload URLs, and the adapter that builds its request.</summary>
    private sealed record Upload(Located Operation, UploadAdapterModel Adapter);

    /// <summary>
    /// One override entry: the operation it is about, its value (a status operation id or one asset field path), the
    /// entry as written, and where it was written (MSBuild metadata, without a location, or a spec extension).
    /// </summary>
    private sealed record Override(string OperationId, string Value, string Entry, string Where, string? Pointer)
    {
        public static Override FromExtension(OperationModel operation, string extension, string value) =>
            new(operation.OperationId, value, value, $"The extension {extension} of '{operation.OperationId}'", operation.Hints.Pointer + "/" + extension);
    }

    /// <summary>An asset field override on its way down the request: its path split on dots, and how many segments are matched.</summary>
    private sealed record Pending(Override Field, string[] Segments, int Index);
}
