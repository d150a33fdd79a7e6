using System;
using System.Collections.Generic;
using System.Linq;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Finds the operations that create a project and how to follow each one to completion.
/// <para>The rule: a <c>POST</c> whose request is an object and whose response has a string <c>id</c> creates a project.
/// It is polled through the <c>GET …/{id}</c> operation that shares one of its tags, takes only that string id and whose response has a
/// <c>status</c> (the "Image Projects" tag's <c>GET /v1/image-projects/{id}</c>, and so on for video and audio).
/// The spec extension <c>x-magichour-status-operation</c> or the MSBuild metadata <c>MagicHourStatusOperations</c>
/// names another status operation, or <c>none</c>. Asset fields are the request's properties named <c>*_file_path</c>
/// or <c>*_file_paths</c>, at any depth, plus those listed by <c>x-magichour-asset-fields</c> or
/// <c>MagicHourAssetFields</c> (paths such as <c>face_mappings[].new_face</c>).</para>
/// </summary>
internal sealed class WorkflowMapper
{
    private const int MaxDepth = 8;

    private readonly Dictionary<string, ObjectModel> _objects;
    private readonly Dictionary<string, string> _statusOverrides;
    private readonly Dictionary<string, List<string>> _assetOverrides;
    private readonly ParseContext _context;

    public WorkflowMapper(IEnumerable<TypeModel> types, SpecInput input, ParseContext context)
    {
        _objects = types.OfType<ObjectModel>().ToDictionary(t => t.Name, StringComparer.Ordinal);
        _statusOverrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in ParsePairs(input.StatusOperations))
        {
            _statusOverrides[pair.Key] = pair.Value.Trim();
        }

        _assetOverrides = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in ParsePairs(input.AssetFields))
        {
            _assetOverrides[pair.Key] = pair.Value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        }
        _context = context;
    }

    public OperationGroupModel Attach(OperationGroupModel root)
    {
        var all = new List<(OperationModel Operation, string ClassName)>();
        Collect(root, all);
        var statusCandidates = all.Where(o => IsStatusOperation(o.Operation)).ToList();
        return Rebuild(root, statusCandidates);
    }

    private OperationGroupModel Rebuild(OperationGroupModel group, List<(OperationModel Operation, string ClassName)> statusCandidates)
    {
        var operations = group.Operations.Select(o => o with { Workflow = WorkflowFor(o, statusCandidates) }).ToImmutableEquatableArray();
        var groups = group.Groups.Select(g => Rebuild(g, statusCandidates)).ToImmutableEquatableArray();
        return group with { Operations = operations, Groups = groups };
    }

    private WorkflowModel? WorkflowFor(OperationModel operation, List<(OperationModel Operation, string ClassName)> statusCandidates)
    {
        if (operation.HttpMethod != "POST" || operation.RequestBody?.Type is not { Kind: TypeRefKind.Object } body
            || operation.ResponseType is not { Kind: TypeRefKind.Object } response
            || !_objects.TryGetValue(response.Name!, out ObjectModel? created) || !_objects.TryGetValue(body.Name!, out ObjectModel? request))
        {
            return null;
        }

        PropertyModel? id = created.Properties.FirstOrDefault(p => p.WireName == "id" && p.Type.Kind == TypeRefKind.String);
        if (id is null)
        {
            return null;
        }

        string? chosen = _statusOverrides.TryGetValue(operation.OperationId, out string? fromMsBuild) ? fromMsBuild : operation.Hints.StatusOperationId;
        (OperationModel Operation, string ClassName) status;
        if (chosen is not null)
        {
            if (string.Equals(chosen, "none", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            status = statusCandidates.FirstOrDefault(c => c.Operation.OperationId == chosen);
            if (status.Operation is null)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, string.Empty, $"The status operation '{chosen}' named for '{operation.OperationId}'", "it is not a GET …/{id} with a status; no GenerateAsync is generated");
                return null;
            }
        }
        else
        {
            status = statusCandidates.FirstOrDefault(c => c.Operation.Tags.Any(t => operation.Tags.Contains(t)));
            if (status.Operation is null)
            {
                return null;
            }
        }

        PropertyModel? credits = created.Properties.FirstOrDefault(p => p.WireName == "credits_charged" && p.Type.Kind is TypeRefKind.Int32);
        string path = status.Operation.Path;
        int open = path.LastIndexOf('{');
        int close = path.IndexOf('}', open);
        var extra = new List<string>(operation.Hints.AssetFields);
        if (_assetOverrides.TryGetValue(operation.OperationId, out List<string>? fromBuild))
        {
            extra.AddRange(fromBuild);
        }

        return new WorkflowModel(
            id.Name,
            credits?.Name,
            path.Substring(0, open),
            path.Substring(close + 1),
            status.Operation.OperationId,
            status.ClassName,
            status.Operation.MethodName,
            status.Operation.ResponseType!,
            AssetsOf(request, extra.Select(f => f.Split('.').ToList()).ToList(), 0).ToImmutableEquatableArray());
    }

    /// <summary>The asset fields of <paramref name="type"/>: by naming pattern, or listed in <paramref name="extra"/> (wire paths split on dots).</summary>
    private List<AssetNodeModel> AssetsOf(ObjectModel type, List<List<string>> extra, int depth)
    {
        var nodes = new List<AssetNodeModel>();
        if (depth > MaxDepth)
        {
            return nodes;
        }

        foreach (PropertyModel property in type.Properties)
        {
            bool listed = extra.Any(path => path.Count == 1 && Step(path[0]) == property.WireName);
            bool isPath = property.Type.Kind == TypeRefKind.String && (property.WireName.EndsWith("_file_path", StringComparison.Ordinal) || listed);
            bool isPathList = property.Type.Kind == TypeRefKind.Array && property.Type.Element!.Kind == TypeRefKind.String
                && (property.WireName.EndsWith("_file_paths", StringComparison.Ordinal) || listed);
            if (isPath || isPathList)
            {
                nodes.Add(new AssetNodeModel(property.Name, isPath ? AssetNodeKind.Path : AssetNodeKind.PathList, property.IsCSharpNullable, null, ImmutableEquatableArray<AssetNodeModel>.Empty));
                continue;
            }

            List<List<string>> nested = extra.Where(path => path.Count > 1 && Step(path[0]) == property.WireName).Select(path => path.Skip(1).ToList()).ToList();
            TypeRef objectType = property.Type.Kind == TypeRefKind.Array ? property.Type.Element! : property.Type;
            if (objectType.Kind != TypeRefKind.Object || !_objects.TryGetValue(objectType.Name!, out ObjectModel? inner))
            {
                continue;
            }

            List<AssetNodeModel> children = AssetsOf(inner, nested, depth + 1);
            if (children.Count > 0)
            {
                AssetNodeKind kind = property.Type.Kind == TypeRefKind.Array ? AssetNodeKind.ObjectList : AssetNodeKind.Object;
                nodes.Add(new AssetNodeModel(property.Name, kind, property.IsCSharpNullable, inner.Name, children.ToImmutableEquatableArray()));
            }
        }

        return nodes;
    }

    private static string Step(string segment) => segment.EndsWith("[]", StringComparison.Ordinal) ? segment.Substring(0, segment.Length - 2) : segment;

    private bool IsStatusOperation(OperationModel operation) =>
        operation.HttpMethod == "GET"
        && operation.Parameters.Count == 1
        && operation.Parameters[0] is { Location: ParameterLocation.Path, Type.Kind: TypeRefKind.String }
        && operation.Path.TrimEnd('/').EndsWith("}", StringComparison.Ordinal)
        && operation.ResponseType is { Kind: TypeRefKind.Object } response
        && _objects.TryGetValue(response.Name!, out ObjectModel? project)
        && project.Properties.Any(p => p.WireName == "status") && project.Properties.Any(p => p.WireName == "id");

    private static void Collect(OperationGroupModel group, List<(OperationModel, string)> all)
    {
        foreach (OperationModel operation in group.Operations)
        {
            all.Add((operation, group.ClassName));
        }

        foreach (OperationGroupModel child in group.Groups)
        {
            Collect(child, all);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> ParsePairs(string? text)
    {
        if (text is not { Length: > 0 })
        {
            yield break;
        }

        foreach (string entry in text.Split(';'))
        {
            int equals = entry.IndexOf('=');
            if (equals > 0)
            {
                yield return new KeyValuePair<string, string>(entry.Substring(0, equals).Trim(), entry.Substring(equals + 1));
            }
        }
    }
}
