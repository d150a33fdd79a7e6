using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;
using Microsoft.OpenApi;
using ModelParameterLocation = MagicHour.Codegen.Model.ParameterLocation;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Maps paths and operations to the client tree. Groups follow the path (<c>/v1/image-projects/{id}</c> →
/// <c>V1.ImageProjects</c>); the method follows the HTTP verb (<c>Get</c> for an item, <c>List</c> for a collection,
/// <c>Create</c>, <c>Update</c>, <c>Delete</c>), falling back to the operation id when two operations of a group would
/// share a name.
/// </summary>
internal sealed class OperationMapper
{
    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY" };

    private readonly ParseContext _context;
    private readonly SchemaMapper _schemas;
    private readonly string _basePath;

    public OperationMapper(ParseContext context, SchemaMapper schemas, string basePath)
    {
        _context = context;
        _schemas = schemas;
        _basePath = basePath;
    }

    public OperationGroupModel Map(OpenApiPaths? paths, string rootClassName)
    {
        var pending = new List<PendingOperation>();
        if (paths is not null)
        {
            foreach (KeyValuePair<string, IOpenApiPathItem> path in paths)
            {
                if (path.Value?.Operations is null)
                {
                    continue;
                }

                // In MethodOrder, then any other method in the spec's order (a stable sort by rank, without a sorter).
                for (int rank = 0; rank <= MethodOrder.Length; rank++)
                {
                    foreach (KeyValuePair<HttpMethod, OpenApiOperation> operation in path.Value.Operations)
                    {
                        if (Order(operation.Key.Method) == rank)
                        {
                            pending.Add(new PendingOperation(path.Key, operation.Key.Method.ToUpperInvariant(), path.Value, operation.Value));
                        }
                    }
                }
            }
        }

        AssignMethodNames(pending);
        var root = new GroupBuilder(new List<string>());
        foreach (PendingOperation operation in pending)
        {
            OperationModel? model = MapOperationSafely(operation);
            if (model is not null)
            {
                root.Find(operation.GroupSegments).Operations.Add(model);
            }
        }

        return root.Build(rootClassName, rootClassName, _context.TypeNames);
    }

    private void AssignMethodNames(List<PendingOperation> operations)
    {
        foreach (IGrouping<string, PendingOperation> group in operations.GroupBy(o => string.Join("/", o.GroupSegments)))
        {
            foreach (IGrouping<string, PendingOperation> clash in group.GroupBy(o => VerbName(o)))
            {
                List<PendingOperation> list = clash.ToList();
                if (list.Count == 1)
                {
                    list[0].MethodName = clash.Key;
                    continue;
                }

                var scope = new NameScope();
                foreach (PendingOperation operation in list)
                {
                    string fromId = OperationIdName(operation.Operation.OperationId);
                    string preferred = fromId.Length > 0 ? fromId : clash.Key + "By" + string.Join("And", operation.PathParameters.Select(p => Identifiers.ToPascalCase(p)));
                    operation.MethodName = scope.Claim(preferred);
                }
            }
        }
    }

    /// <summary>The last line of defence: an operation the mapper trips over is skipped with a warning, and the others still generate.</summary>
    private OperationModel? MapOperationSafely(PendingOperation pending)
    {
        try
        {
            return MapOperation(pending);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            string pointer = $"/paths/{JsonLocator.Escape(pending.Path)}/{pending.HttpMethod.ToLowerInvariant()}";
            _context.Report(DiagnosticDescriptors.PartSkipped, pointer, $"the operation {pending.HttpMethod} {pending.Path}", ex.GetType().Name + ": " + ex.Message);
            return null;
        }
    }

    private OperationModel? MapOperation(PendingOperation pending)
    {
        OpenApiOperation operation = pending.Operation;
        string pointer = $"/paths/{JsonLocator.Escape(pending.Path)}/{pending.HttpMethod.ToLowerInvariant()}";
        string typeBase = TypeBaseName(pending);
        string operationName = $"{pending.HttpMethod} {pending.Path}";

        // Every identifier the generated method declares, claimed in one scope: the cancellation token first (its name
        // is the .NET convention), then the spec's parameters and the body, and last the locals, which nobody sees.
        var names = new NameScope();
        string cancellationToken = names.Claim("cancellationToken");
        var parameters = new List<ParameterModel>();

        foreach ((IOpenApiParameter declared, string parameterPointer) in MergedParameters(pending, pointer))
        {
            // Every read of a $ref's field resolves it anew in Microsoft.OpenApi (and allocates): resolve it once.
            IOpenApiParameter parameter = Target(declared);
            if (parameter.Name is not { Length: > 0 } || parameter.In is null)
            {
                continue;
            }

            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Cookie)
            {
                if (parameter.Required)
                {
                    _context.Report(DiagnosticDescriptors.RequiredCookieParameter, parameterPointer, parameter.Name, operationName);
                    return null;
                }

                _context.Report(DiagnosticDescriptors.CookieParameterLeftOut, parameterPointer, parameter.Name, operationName);
                continue;
            }

            TypeRef type = _schemas.Map(parameter.Schema, typeBase + Identifiers.ToPascalCase(parameter.Name), parameterPointer + "/schema");
            if (type.Kind == TypeRefKind.Any)
            {
                // A parameter without a usable type is text on the wire.
                type = TypeRef.String.WithNullable(type.IsNullable && !parameter.Required);
            }

            if (type.Kind is TypeRefKind.Object or TypeRefKind.Dictionary || (type.Kind == TypeRefKind.Array && type.Element!.Kind is TypeRefKind.Array or TypeRefKind.Object or TypeRefKind.Dictionary))
            {
                if (parameter.Required)
                {
                    _context.Report(DiagnosticDescriptors.RequiredObjectParameter, parameterPointer, parameter.Name, operationName);
                    return null;
                }

                _context.Report(DiagnosticDescriptors.ObjectParameterLeftOut, parameterPointer, parameter.Name, operationName);
                continue;
            }

            ModelParameterLocation location = parameter.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => ModelParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Header => ModelParameterLocation.Header,
                _ => ModelParameterLocation.Query,
            };
            bool required = parameter.Required || location == ModelParameterLocation.Path;
            bool explode = parameter.Style is null or ParameterStyle.Form ? parameter.Explode || parameter.Style is null : parameter.Explode;
            parameters.Add(new ParameterModel(
                names.Claim(Identifiers.ToCamelCase(parameter.Name), Identifiers.ToCamelCase(parameter.Name + "Value")),
                parameter.Name,
                location,
                type,
                required,
                explode,
                declared.Description));
        }

        foreach (string placeholder in pending.PathParameters)
        {
            if (!HasPathParameter(parameters, placeholder))
            {
                _context.Report(DiagnosticDescriptors.PathPlaceholderWithoutParameter, pointer, placeholder, operationName);
                parameters.Add(new ParameterModel(names.Claim(Identifiers.ToCamelCase(placeholder), Identifiers.ToCamelCase(placeholder + "Value")), placeholder, ModelParameterLocation.Path, TypeRef.String, true, false, null));
            }
        }

        RequestBodyModel? body = null;
        if (operation.RequestBody is { Content: { Count: > 0 } content } requestBody)
        {
            string bodyPointer = pointer + "/requestBody/content";
            KeyValuePair<string, IOpenApiMediaType> json = FirstJson(content);
            if (json.Key is not null)
            {
                TypeRef bodyType = _schemas.Map(json.Value?.Schema, typeBase + "Request", bodyPointer + "/" + JsonLocator.Escape(json.Key) + "/schema");
                _context.DescribeIfUndocumented(bodyType, $"The request body of `{operationName}`{Titled(operation)}.");
                body = new RequestBodyModel(bodyType, requestBody.Required, requestBody.Description)
                {
                    ParameterName = bodyType.Kind == TypeRefKind.Object ? names.Claim("request", "requestBody") : names.Claim("body", "requestBody"),
                };
            }
            else if (!TryMapOtherBody(content, requestBody, typeBase, pointer, operationName, names, out body))
            {
                return null;
            }
        }

        string? form = body?.Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded ? names.Claim("form", "formBody") : null;
        var methodNames = new OperationNames(cancellationToken, names.Claim("apiRequest", "httpRequest"), names.Claim("item", "element"), form, names.Claim("options", "requestOptions"));

        TypeRef? responseType = null;
        ResponseKind responseKind = ResponseKind.Json;
        string? responseAccept = null;
        KeyValuePair<string, IOpenApiResponse> success = Success(operation.Responses);
        if (success.Key is not null)
        {
            string responsePointer = $"{pointer}/responses/{success.Key}/content";
            KeyValuePair<string, IOpenApiMediaType> json = FirstJson(success.Value.Content!);
            if (json.Key is not null)
            {
                responseType = json.Value?.Schema is null ? TypeRef.Any : _schemas.Map(json.Value.Schema, typeBase + "Response", responsePointer + "/" + JsonLocator.Escape(json.Key) + "/schema");
                _context.DescribeIfUndocumented(responseType, $"The response of `{operationName}`{Titled(operation)}.");
            }
            else
            {
                // Text only when every media type is text (and not a binary schema); anything else is returned as a stream.
                bool text = true;
                foreach (KeyValuePair<string, IOpenApiMediaType> entry in success.Value.Content!)
                {
                    text &= MediaTypeOf(entry.Key).StartsWith("text/", StringComparison.Ordinal) && !IsBinary(entry.Value?.Schema);
                }

                responseKind = text ? ResponseKind.Text : ResponseKind.Binary;
                responseType = text ? TypeRef.String : TypeRef.Any;
                responseAccept = string.Join(", ", success.Value.Content!.Keys);
            }
        }

        var errors = new List<ErrorResponseModel>();
        foreach (KeyValuePair<string, IOpenApiResponse> response in operation.Responses ?? new OpenApiResponses())
        {
            if (!response.Key.StartsWith("2", StringComparison.Ordinal) && !response.Key.StartsWith("1", StringComparison.Ordinal) && !response.Key.StartsWith("3", StringComparison.Ordinal))
            {
                errors.Add(new ErrorResponseModel(response.Key, (response.Value as IOpenApiReadOnlyDescribedElement)?.Description ?? (response.Value as IOpenApiDescribedElement)?.Description));
            }
        }


        string operationId = operation.OperationId is { Length: > 0 } id ? id : operationName;
        var tags = new List<string>();
        foreach (OpenApiTagReference tag in operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
        {
            if (tag.Name is { Length: > 0 } tagName)
            {
                tags.Add(tagName);
            }
        }

        return new OperationModel(
            pending.MethodName!,
            pending.HttpMethod,
            _basePath + pending.Path,
            operationId,
            Docs.Split(operation.Summary is { Length: > 0 } ? operation.Summary + (operation.Description is { Length: > 0 } ? "\n\n" + operation.Description : string.Empty) : operation.Description, null),
            operation.Deprecated ? DeprecationModel.Plain : null,
            OrderParameters(parameters).ToImmutableEquatableArray(),
            body,
            responseType,
            errors.ToImmutableEquatableArray(),
            tags.ToImmutableEquatableArray(),
            methodNames)
        {
            Hints = WorkflowMapper.ReadHints(operation, pointer, _context),
            ResponseKind = responseKind,
            ResponseAccept = responseAccept,
        };
    }

    /// <summary>
    /// A <c>multipart/form-data</c>, url-encoded or binary body, in that order of preference. False when the operation
    /// must be skipped (no media type fits, or the form cannot be expressed); the reason is reported.
    /// </summary>
    private bool TryMapOtherBody(
        IDictionary<string, IOpenApiMediaType> content, IOpenApiRequestBody requestBody, string typeBase, string operationPointer, string operationName, NameScope names, out RequestBodyModel? body)
    {
        string contentPointer = operationPointer + "/requestBody/content";
        foreach ((string mediaType, BodyKind kind) in new[] { ("multipart/form-data", BodyKind.Multipart), ("application/x-www-form-urlencoded", BodyKind.FormUrlEncoded) })
        {
            foreach (KeyValuePair<string, IOpenApiMediaType> form in content)
            {
                if (MediaTypeOf(form.Key) == mediaType)
                {
                    body = MapForm(form.Value?.Schema, kind, requestBody, typeBase, contentPointer + "/" + JsonLocator.Escape(form.Key) + "/schema", operationName, names);
                    return body is not null;
                }
            }
        }

        var binary = new List<string>();
        foreach (KeyValuePair<string, IOpenApiMediaType> entry in content)
        {
            if (IsBinaryMediaType(entry.Key) || IsBinary(entry.Value?.Schema))
            {
                binary.Add(entry.Key);
            }
        }

        if (binary.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedRequestBody, operationPointer + "/requestBody", operationName, string.Join("', '", content.Keys));
            body = null;
            return false;
        }

        // One concrete media type is sent as is; with several, or a wildcard such as image/*, the caller says which.
        bool fixedType = binary.Count == 1 && binary[0].IndexOf('*') < 0;
        body = new RequestBodyModel(TypeRef.Any, requestBody.Required, requestBody.Description)
        {
            Kind = BodyKind.Stream,
            MediaType = binary.FirstOrDefault(m => m.IndexOf('*') < 0) ?? "application/octet-stream",
            ParameterName = names.Claim("content", "contentStream"),
            MediaTypeParameter = fixedType ? null : names.Claim("contentType", "contentMediaType"),
        };
        return true;
    }

    /// <summary>A form body: each property of its object schema becomes a method parameter; binary ones are file parts. Null (reported) when it cannot be expressed.</summary>
    private RequestBodyModel? MapForm(
        IOpenApiSchema? schema, BodyKind kind, IOpenApiRequestBody requestBody, string typeBase, string schemaPointer, string operationName, NameScope names)
    {
        string what = kind == BodyKind.Multipart ? "multipart" : "url-encoded form";
        if (schema?.Properties is not { Count: > 0 } properties)
        {
            _context.Report(DiagnosticDescriptors.FormWithoutProperties, schemaPointer, operationName, what);
            return null;
        }

        var fields = new List<FormFieldModel>();
        foreach (KeyValuePair<string, IOpenApiSchema> property in properties)
        {
            string pointer = schemaPointer + "/properties/" + JsonLocator.Escape(property.Key);
            bool isArray = property.Value?.Type is { } t && (t & JsonSchemaType.Array) != 0;
            bool required = requestBody.Required && schema.Required?.Contains(property.Key) == true;
            string name = names.Claim(Identifiers.ToCamelCase(property.Key), Identifiers.ToCamelCase(property.Key + "Value"));
            if (IsBinary(isArray ? property.Value!.Items : property.Value))
            {
                if (kind == BodyKind.FormUrlEncoded)
                {
                    _context.Report(DiagnosticDescriptors.BinaryFieldInUrlEncodedForm, pointer, operationName, property.Key);
                    return null;
                }

                TypeRef file = isArray ? new TypeRef(TypeRefKind.Array, Element: TypeRef.String) : TypeRef.String;
                fields.Add(new FormFieldModel(name, property.Key, file, IsFile: true, required, property.Value?.Description));
                continue;
            }

            TypeRef type = _schemas.Map(property.Value, typeBase + Identifiers.ToPascalCase(property.Key), pointer);
            if (type.Kind == TypeRefKind.Any)
            {
                type = TypeRef.String.WithNullable(type.IsNullable);
            }

            if (type.Kind is TypeRefKind.Object or TypeRefKind.Dictionary
                || (type.Kind == TypeRefKind.Array && type.Element!.Kind is TypeRefKind.Array or TypeRefKind.Object or TypeRefKind.Dictionary or TypeRefKind.Any))
            {
                _context.Report(DiagnosticDescriptors.ObjectFormField, pointer, operationName, property.Key, what);
                return null;
            }

            fields.Add(new FormFieldModel(name, property.Key, type, IsFile: false, required, property.Value?.Description));
        }

        return new RequestBodyModel(TypeRef.Any, requestBody.Required, requestBody.Description)
        {
            Kind = kind,
            Fields = fields.Where(f => f.IsRequired).Concat(fields.Where(f => !f.IsRequired)).ToImmutableEquatableArray(),
        };
    }

    /// <summary>The first JSON media type (in the spec's order) whose schema is not binary; default when there is none.</summary>
    private static KeyValuePair<string, IOpenApiMediaType> FirstJson(IDictionary<string, IOpenApiMediaType> content)
    {
        foreach (KeyValuePair<string, IOpenApiMediaType> entry in content)
        {
            if (IsJson(entry.Key) && !IsBinary(entry.Value?.Schema))
            {
                return entry;
            }
        }

        return default;
    }

    /// <summary>The 2xx response with content whose status sorts first (ordinal); default when there is none.</summary>
    private static KeyValuePair<string, IOpenApiResponse> Success(OpenApiResponses? responses)
    {
        KeyValuePair<string, IOpenApiResponse> success = default;
        foreach (KeyValuePair<string, IOpenApiResponse> response in responses ?? new OpenApiResponses())
        {
            if (response.Key.StartsWith("2", StringComparison.Ordinal) && response.Value?.Content is { Count: > 0 }
                && (success.Key is null || string.CompareOrdinal(response.Key, success.Key) < 0))
            {
                success = response;
            }
        }

        return success;
    }

    /// <summary>A <c>string</c> schema of <c>format: binary</c>: raw bytes rather than JSON text.</summary>
    private static bool IsBinary(IOpenApiSchema? schema) =>
        schema is not null && schema.Format == "binary" && (schema.Type is null || (schema.Type.Value & JsonSchemaType.String) != 0);

    private static bool IsBinaryMediaType(string mediaType)
    {
        string type = MediaTypeOf(mediaType);
        return type == "application/octet-stream" || type == "application/pdf" || type == "application/zip" || type == "application/gzip"
            || type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal)
            || type.StartsWith("video/", StringComparison.Ordinal) || type.StartsWith("font/", StringComparison.Ordinal);
    }

    private static string MediaTypeOf(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    private static string Titled(OpenApiOperation operation) =>
        operation.Summary is { Length: > 0 } summary && summary.IndexOf('\n') < 0 ? $" ({summary.Trim().TrimEnd('.')})" : string.Empty;

    /// <summary>Path parameters first, then the other required ones, then the optional ones; each in document order.</summary>
    private static List<ParameterModel> OrderParameters(List<ParameterModel> parameters)
    {
        var ordered = new List<ParameterModel>(parameters.Count);
        for (int rank = 0; rank < 3; rank++)
        {
            foreach (ParameterModel parameter in parameters)
            {
                if ((parameter.Location == ModelParameterLocation.Path ? 0 : parameter.IsRequired ? 1 : 2) == rank)
                {
                    ordered.Add(parameter);
                }
            }
        }

        return ordered;
    }

    private static bool HasPathParameter(List<ParameterModel> parameters, string wireName)
    {
        foreach (ParameterModel parameter in parameters)
        {
            if (parameter.Location == ModelParameterLocation.Path && parameter.WireName == wireName)
            {
                return true;
            }
        }

        return false;
    }

    private static IOpenApiParameter Target(IOpenApiParameter parameter)
    {
        try
        {
            return parameter is OpenApiParameterReference { Target: { } target } ? target : parameter;
        }
        catch (InvalidOperationException)
        {
            return parameter;
        }
    }

    private static IEnumerable<(IOpenApiParameter Parameter, string Pointer)> MergedParameters(PendingOperation pending, string operationPointer)
    {
        var result = new List<(IOpenApiParameter, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IList<IOpenApiParameter> own = pending.Operation.Parameters ?? new List<IOpenApiParameter>();
        for (int i = 0; i < own.Count; i++)
        {
            if (own[i] is { } parameter && seen.Add(parameter.In + ":" + parameter.Name))
            {
                result.Add((parameter, operationPointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        IList<IOpenApiParameter> shared = pending.PathItem.Parameters ?? new List<IOpenApiParameter>();
        for (int i = 0; i < shared.Count; i++)
        {
            if (shared[i] is { } parameter && seen.Add(parameter.In + ":" + parameter.Name))
            {
                result.Add((parameter, $"/paths/{JsonLocator.Escape(pending.Path)}/parameters/{i.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        return result;
    }

    /// <summary>The stem of the operation's type names: the group path without a leading version, then the method.</summary>
    private static string TypeBaseName(PendingOperation pending)
    {
        List<string> segments = pending.GroupSegments;
        int first = segments.Count > 1 && IsVersion(segments[0]) ? 1 : 0;
        return PascalCase(segments, first, "Segment") + pending.MethodName;
    }

    /// <summary>The segments from <paramref name="first"/> on, each in Pascal case (<paramref name="fallback"/> for one without a letter), joined.</summary>
    private static string PascalCase(List<string> segments, int first, string fallback)
    {
        var joined = new StringBuilder();
        for (int i = first; i < segments.Count; i++)
        {
            joined.Append(Identifiers.ToPascalCase(segments[i], fallback));
        }

        return joined.ToString();
    }

    /// <summary><c>v1</c>, <c>V2</c>: a <c>v</c> and digits (what <c>^v[0-9]+$</c> matches, a final line break included).</summary>
    private static bool IsVersion(string segment)
    {
        int end = segment.Length > 0 && segment[segment.Length - 1] == '\n' ? segment.Length - 1 : segment.Length;
        if (end < 2 || (segment[0] != 'v' && segment[0] != 'V'))
        {
            return false;
        }

        for (int i = 1; i < end; i++)
        {
            if (segment[i] < '0' || segment[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string VerbName(PendingOperation operation)
    {
        bool onItem = operation.Path.TrimEnd('/').EndsWith("}", StringComparison.Ordinal);
        return operation.HttpMethod switch
        {
            "GET" => onItem || operation.GroupSegments.Count == 0 ? "Get" : "List",
            "POST" => "Create",
            "PUT" => "Update",
            "PATCH" => "Patch",
            "DELETE" => "Delete",
            _ => Identifiers.ToPascalCase(operation.HttpMethod.ToLowerInvariant()),
        };
    }

    private static string OperationIdName(string? operationId)
    {
        if (operationId is not { Length: > 0 })
        {
            return string.Empty;
        }

        string last = operationId.Split('.', '/', ':').LastOrDefault(s => s.Length > 0) ?? operationId;
        return Identifiers.ToPascalCase(last, "Operation");
    }

    private static bool IsJson(string mediaType)
    {
        string type = MediaTypeOf(mediaType);
        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "text/json" || type == "*/*";
    }

    private static int Order(string method)
    {
        int index = Array.IndexOf(MethodOrder, method.ToUpperInvariant());
        return index < 0 ? MethodOrder.Length : index;
    }

    private sealed class PendingOperation
    {
        public PendingOperation(string path, string httpMethod, IOpenApiPathItem pathItem, OpenApiOperation operation)
        {
            Path = path;
            HttpMethod = httpMethod;
            PathItem = pathItem;
            Operation = operation;
            string[] segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            GroupSegments = new List<string>();
            foreach (string segment in segments)
            {
                if (segment.IndexOf('{') < 0 && Identifiers.Words(segment).Count > 0)
                {
                    GroupSegments.Add(segment);
                }
            }

            PathParameters = Placeholders(path);
        }

        public string Path { get; }

        public string HttpMethod { get; }

        /// <summary>The names in a path's <c>{…}</c> placeholders, in order (what <c>\{([^}]+)\}</c> matches).</summary>
        private static List<string> Placeholders(string path)
        {
            var names = new List<string>();
            int open = path.IndexOf('{');
            while (open >= 0 && open + 1 < path.Length)
            {
                int close = path.IndexOf('}', open + 1);
                if (close < 0)
                {
                    break;
                }

                if (close > open + 1)
                {
                    names.Add(path.Substring(open + 1, close - open - 1));
                    open = close + 1 < path.Length ? path.IndexOf('{', close + 1) : -1;
                }
                else
                {
                    open = path.IndexOf('{', open + 1);
                }
            }

            return names;
        }

        public IOpenApiPathItem PathItem { get; }

        public OpenApiOperation Operation { get; }

        public List<string> GroupSegments { get; }

        public List<string> PathParameters { get; }

        public string? MethodName { get; set; }
    }

    private sealed class GroupBuilder
    {
        private readonly List<GroupBuilder> _children = new();

        public GroupBuilder(List<string> segments) => Segments = segments;

        public List<string> Segments { get; }

        public List<OperationModel> Operations { get; } = new();

        public GroupBuilder Find(List<string> segments)
        {
            GroupBuilder current = this;
            for (int depth = 0; depth < segments.Count; depth++)
            {
                string segment = segments[depth];
                GroupBuilder? child = current.Child(depth, segment);
                if (child is null)
                {
                    child = new GroupBuilder(segments.Take(depth + 1).ToList());
                    current._children.Add(child);
                }

                current = child;
            }

            return current;
        }

        private GroupBuilder? Child(int depth, string segment)
        {
            foreach (GroupBuilder child in _children)
            {
                if (child.Segments[depth] == segment)
                {
                    return child;
                }
            }

            return null;
        }

        /// <summary>The group's model; each child's class is <c>{Path}Client</c>, or <c>{Path}Operations</c> when a type has that name.</summary>
        public OperationGroupModel Build(string propertyName, string className, NameScope typeNames)
        {
            var members = new NameScope(new[] { className, "Pipeline", "Dispose", "ToString", "Equals", "GetHashCode", "GetType" });
            foreach (OperationModel operation in Operations)
            {
                members.Claim(operation.MethodName + "Async");
                members.Claim(operation.MethodName + "OperationAsync");
            }

            var children = new List<OperationGroupModel>();
            foreach (GroupBuilder child in _children)
            {
                string pascal = Identifiers.ToPascalCase(child.Segments[child.Segments.Count - 1], "Group");
                string childProperty = members.Claim(pascal, pascal + "Group");
                string childPath = PascalCase(child.Segments, 0, "Group");
                string childClass = typeNames.Claim(childPath + "Client", childPath + "Operations");
                children.Add(child.Build(childProperty, childClass, typeNames));
            }

            return new OperationGroupModel(
                propertyName,
                className,
                Segments.ToImmutableEquatableArray(),
                Operations.ToImmutableEquatableArray(),
                children.ToImmutableEquatableArray());
        }
    }
}
