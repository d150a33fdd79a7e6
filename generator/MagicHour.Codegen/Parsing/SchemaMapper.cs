using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using MagicHour.Codegen.Diagnostics;
using MagicHour.Codegen.Model;
using MagicHour.Codegen.Naming;
using Microsoft.OpenApi;

namespace MagicHour.Codegen.Parsing;

/// <summary>
/// Maps OpenAPI schemas to <see cref="TypeRef"/>s, declaring a record or enum for every object and string-enum schema on
/// the way. Inline schemas are named from where they sit (operation, then property path); components by their key.
/// </summary>
internal sealed class SchemaMapper
{
    private static readonly string[] ConverterSuffix = { "JsonConverter" };
    private static readonly string[] NameExtensions = { "x-csharp-name", "x-csharp-type-name", "x-type-name" };

    private readonly ParseContext _context;
    private readonly Dictionary<string, IOpenApiSchema> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _componentsInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _resolves = new(StringComparer.Ordinal);
    private readonly Dictionary<IOpenApiSchema, TypeRef> _inlineTypes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SharedShape, TypeRef> _sharedShapes = new();

    public SchemaMapper(ParseContext context) => _context = context;

    /// <summary>Names and maps every component schema, so that references to them resolve to the same type.</summary>
    public void DeclareComponents(IDictionary<string, IOpenApiSchema>? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        foreach (KeyValuePair<string, IOpenApiSchema> pair in schemas)
        {
            _components[pair.Key] = pair.Value;
        }

        foreach (KeyValuePair<string, IOpenApiSchema> pair in schemas)
        {
            ResolveComponent(pair.Key);
        }
    }

    /// <summary>Maps <paramref name="schema"/>; <paramref name="nameHint"/> names the type if one is declared.</summary>
    public TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer) => Map(schema, nameHint, pointer, propertyWireName: null);

    /// <param name="schema">The schema.</param>
    /// <param name="nameHint">Names the type if one is declared.</param>
    /// <param name="pointer">Where the schema is.</param>
    /// <param name="propertyWireName">
    /// The JSON property whose value (or item) the schema describes: within component schemas, an inline type declared
    /// for it is shared with an identical one declared for a property of that name before (see <see cref="Declare"/>).
    /// </param>
    private TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer, string? propertyWireName)
    {
        if (schema is null)
        {
            return TypeRef.Any;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return MapReference(reference, pointer);
        }

        if (_inlineTypes.TryGetValue(schema, out TypeRef? known))
        {
            return known;
        }

        TypeRef result = MapInline(schema, nameHint, pointer, preferredName: ExplicitName(schema, includeTitle: true), propertyWireName: propertyWireName);
        _inlineTypes[schema] = result;
        return result;
    }

    private TypeRef MapReference(OpenApiSchemaReference reference, string pointer)
    {
        // Whether it resolves is found once per component (ResolvesTo): UnresolvedReference resolves it on every read.
        string? id = reference.Reference?.Id;
        if (reference.Reference is not { IsExternal: false } || id is null || !_components.ContainsKey(id) || !ResolvesTo(id, reference))
        {
            string text = reference.Reference?.ReferenceV3 ?? id ?? "(empty)";
            _context.Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/$ref", text);
            return TypeRef.Any.WithNullable(true);
        }

        return ResolveComponent(id);
    }

    /// <summary>Whether references to component <paramref name="id"/> resolve, found once per component.</summary>
    private bool ResolvesTo(string id, OpenApiSchemaReference reference)
    {
        if (!_resolves.TryGetValue(id, out bool resolves))
        {
            _resolves[id] = resolves = HasTarget(reference);
        }

        return resolves;
    }

    /// <summary>Whether the reference resolves; a $ref chain that loops back on itself throws in Microsoft.OpenApi.</summary>
    private static bool HasTarget(OpenApiSchemaReference reference)
    {
        try
        {
            return reference.Target is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private TypeRef ResolveComponent(string id)
    {
        if (_componentTypes.TryGetValue(id, out TypeRef? known))
        {
            return known;
        }

        IOpenApiSchema schema = _components[id];
        string pointer = "/components/schemas/" + JsonLocator.Escape(id);
        if (!_componentsInProgress.Add(id))
        {
            // A cycle through schemas that declare no type of their own (e.g. an array of itself).
            _context.Report(DiagnosticDescriptors.SelfReferencingSchema, pointer, id);
            return TypeRef.Any;
        }

        try
        {
            return ResolveComponentCore(id, schema, pointer);
        }
        catch (InvalidOperationException ex)
        {
            // Microsoft.OpenApi throws when it follows a $ref chain that loops back on itself (A: {$ref: A}).
            _context.Report(DiagnosticDescriptors.ReferenceLoop, pointer, id, ex.Message.TrimEnd('.'));
            _componentTypes[id] = TypeRef.Any.WithNullable(true);
            return _componentTypes[id];
        }
        finally
        {
            _componentsInProgress.Remove(id);
        }
    }

    private TypeRef ResolveComponentCore(string id, IOpenApiSchema schema, string pointer)
    {
        string name = ExplicitName(schema, includeTitle: false) ?? Identifiers.ToPascalCase(id, "Schema");
        if (DeclaresType(schema))
        {
            // Claim the name first so that references met while mapping the body (cycles) resolve to it.
            string claimed = ClaimTypeName(name, name, schema);
            TypeRef placeholder = new(IsStringEnum(schema) ? TypeRefKind.Enum : TypeRefKind.Object, claimed);
            _componentTypes[id] = placeholder;
            TypeRef declared = MapInline(schema, claimed, pointer, claimed);
            _componentTypes[id] = declared;
            return declared;
        }

        TypeRef mapped = MapInline(schema, name, pointer);
        _componentTypes[id] = mapped;
        return mapped;
    }

    private TypeRef MapInline(IOpenApiSchema schema, string nameHint, string pointer, string? claimedName = null, string? preferredName = null, string? propertyWireName = null)
    {
        claimedName ??= preferredName is not null && DeclaresType(schema) ? ClaimTypeName(preferredName, nameHint, schema) : null;
        bool nullable = IsNullable(schema, pointer);

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            if (allOf.Count == 1 && (schema.Properties is null || schema.Properties.Count == 0))
            {
                TypeRef single = Map(allOf[0], nameHint, pointer + "/allOf/0");
                return single.WithNullable(nullable || single.IsNullable);
            }

            return DeclareObject(schema, nameHint, pointer, claimedName, propertyWireName).WithNullable(nullable);
        }

        IList<IOpenApiSchema>? variants = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf is { Count: > 0 } ? schema.AnyOf : null;
        if (variants is not null && (schema.Properties is null || schema.Properties.Count == 0))
        {
            return MapVariants(schema, variants, nameHint, pointer, nullable, claimedName);
        }

        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (IsStringEnum(schema))
        {
            return DeclareEnum(schema, nameHint, pointer, claimedName, propertyWireName).WithNullable(nullable || EnumAllowsNull(schema));
        }

        switch (type)
        {
            case JsonSchemaType.String:
                return MapString(schema.Format).WithNullable(nullable);
            case JsonSchemaType.Integer:
                return new TypeRef(schema.Format == "int64" ? TypeRefKind.Int64 : TypeRefKind.Int32, IsNullable: nullable);
            case JsonSchemaType.Number:
                return new TypeRef(
                    schema.Format switch { "float" => TypeRefKind.Single, "decimal" => TypeRefKind.Decimal, "int32" => TypeRefKind.Int32, "int64" => TypeRefKind.Int64, _ => TypeRefKind.Double },
                    IsNullable: nullable);
            case JsonSchemaType.Boolean:
                return new TypeRef(TypeRefKind.Boolean, IsNullable: nullable);
            case JsonSchemaType.Array:
                return MapArray(schema, nameHint, pointer, nullable, propertyWireName);
            case JsonSchemaType.Object:
            case 0 when schema.Properties is { Count: > 0 }:
                return MapObject(schema, nameHint, pointer, nullable, claimedName, propertyWireName);
            case 0 when schema.Items is not null:
                return MapArray(schema, nameHint, pointer, nullable, propertyWireName);
            case 0 when schema.AdditionalProperties is not null:
                return MapObject(schema, nameHint, pointer, nullable, claimedName, propertyWireName);
            case 0:
                return TypeRef.Any.WithNullable(true);
            default:
                _context.Report(DiagnosticDescriptors.MultiTypeValue, pointer + "/type", string.Join(", ", Flags(type)));
                return TypeRef.Any.WithNullable(true);
        }
    }

    private TypeRef MapVariants(IOpenApiSchema schema, IList<IOpenApiSchema> variants, string nameHint, string pointer, bool nullable, string? claimedName)
    {
        string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        var nonNull = new List<(IOpenApiSchema Schema, int Index)>();
        for (int i = 0; i < variants.Count; i++)
        {
            if (variants[i] is not OpenApiSchemaReference && variants[i].Type == JsonSchemaType.Null)
            {
                nullable = true;
            }
            else
            {
                nonNull.Add((variants[i], i));
            }
        }

        if (nonNull.Count == 1)
        {
            TypeRef single = Map(nonNull[0].Schema, nameHint, $"{pointer}/{keyword}/{nonNull[0].Index}");
            return single.WithNullable(nullable || single.IsNullable);
        }

        if (schema.Discriminator?.PropertyName is { Length: > 0 } discriminator
            && DeclareUnion(schema, nonNull, discriminator, nameHint, pointer, keyword, claimedName) is { } union)
        {
            return union.WithNullable(nullable);
        }

        _context.Report(
            schema.Discriminator?.PropertyName is { Length: > 0 } ? DiagnosticDescriptors.UnionOfUnnamedVariants : DiagnosticDescriptors.UnionWithoutDiscriminator,
            pointer,
            keyword,
            nonNull.Count.ToString(CultureInfo.InvariantCulture));
        if (claimedName is not null)
        {
            // References met while mapping the variants already point at this name: keep it, as a union whose only
            // case is the JSON itself.
            _context.Types.Add(new UnionModel(claimedName, Docs.ForSchema(schema), null, pointer, schema.Discriminator?.PropertyName ?? string.Empty, ImmutableEquatableArray<UnionCaseModel>.Empty));
            return new TypeRef(TypeRefKind.Object, claimedName, IsNullable: nullable);
        }

        return TypeRef.Any.WithNullable(true);
    }

    /// <summary>
    /// A closed union when every variant is a component object schema: the case for a discriminator value comes from
    /// the mapping, else from the component's name (as OpenAPI defines the implicit mapping).
    /// </summary>
    private TypeRef? DeclareUnion(
        IOpenApiSchema schema,
        List<(IOpenApiSchema Schema, int Index)> variants,
        string discriminator,
        string nameHint,
        string pointer,
        string keyword,
        string? claimedName)
    {
        var byType = new List<(string TypeName, string ComponentId, List<string> Values)>();
        foreach ((IOpenApiSchema variant, int index) in variants)
        {
            if (variant is not OpenApiSchemaReference { Reference.Id: { } id } || !_components.ContainsKey(id))
            {
                return null;
            }

            TypeRef mapped = Map(variant, nameHint, $"{pointer}/{keyword}/{index}");
            if (mapped.Kind != TypeRefKind.Object || byType.Exists(t => t.TypeName == mapped.Name))
            {
                return null;
            }

            byType.Add((mapped.Name!, id, new List<string>()));
        }

        if (schema.Discriminator!.Mapping is { Count: > 0 } mapping)
        {
            foreach (KeyValuePair<string, OpenApiSchemaReference> entry in mapping)
            {
                string? target = entry.Value?.Reference?.Id;
                int found = byType.FindIndex(t => t.ComponentId == target);
                if (found >= 0)
                {
                    byType[found].Values.Add(entry.Key);
                }
            }
        }

        foreach ((_, string componentId, List<string> values) in byType)
        {
            if (values.Count == 0)
            {
                values.Add(componentId);
            }
        }

        string name = claimedName ?? ClaimTypeName(nameHint, nameHint, DeclaredMembers.Union);
        var caseNames = new NameScope(new[] { name }.Concat(DeclaredMembers.Union).Concat(DeclaredMembers.UnionCase).Concat(DeclaredMembers.Inherited));
        var cases = byType
            .Select(t => new UnionCaseModel(caseNames.Claim(t.TypeName, t.TypeName + "Case"), t.TypeName, t.Values.ToImmutableEquatableArray()))
            .ToImmutableEquatableArray();
        _context.Types.Add(new UnionModel(name, Docs.ForSchema(schema), DeprecationOf(schema), pointer, discriminator, cases));
        return new TypeRef(TypeRefKind.Object, name);
    }

    private TypeRef MapArray(IOpenApiSchema schema, string nameHint, string pointer, bool nullable, string? propertyWireName)
    {
        TypeRef item = Map(schema.Items, Identifiers.Singularize(nameHint), pointer + "/items", propertyWireName);
        return new TypeRef(TypeRefKind.Array, Element: item, IsNullable: nullable);
    }

    private TypeRef MapObject(IOpenApiSchema schema, string nameHint, string pointer, bool nullable, string? claimedName, string? propertyWireName)
    {
        bool hasProperties = schema.Properties is { Count: > 0 };
        if (!hasProperties && schema.AdditionalProperties is { } valueSchema)
        {
            TypeRef value = Map(valueSchema, nameHint + "Value", pointer + "/additionalProperties");
            return new TypeRef(TypeRefKind.Dictionary, Element: value, IsNullable: nullable);
        }

        if (!hasProperties && claimedName is null)
        {
            // A free-form object: keep its JSON as it is.
            return TypeRef.Any.WithNullable(true);
        }

        return DeclareObject(schema, nameHint, pointer, claimedName, propertyWireName).WithNullable(nullable);
    }

    private TypeRef DeclareObject(IOpenApiSchema schema, string nameHint, string pointer, string? claimedName, string? propertyWireName)
    {
        string name = claimedName ?? ClaimTypeName(nameHint, nameHint, DeclaredMembers.Record);
        var members = new NameScope(new[] { name, "Clone" }.Concat(DeclaredMembers.Record).Concat(DeclaredMembers.Inherited));
        var properties = new List<PropertyModel>();
        int presenceCount = 0;
        var seenWireNames = new HashSet<string>(StringComparer.Ordinal);

        // Own properties plus those of every allOf part, in document order; a name met again is the first one's.
        var parts = new List<(IOpenApiSchema Schema, string Pointer)>();
        CollectParts(schema, pointer, parts, new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance), 0);
        var requiredNames = new HashSet<string>(schema.Required ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        foreach ((IOpenApiSchema part, _) in parts)
        {
            foreach (string requiredName in part.Required ?? Enumerable.Empty<string>())
            {
                requiredNames.Add(requiredName);
            }
        }

        foreach ((IOpenApiSchema part, string partPointer) in parts)
        {
            if (part.Properties is null)
            {
                continue;
            }

            foreach (KeyValuePair<string, IOpenApiSchema> property in part.Properties)
            {
                string wireName = property.Key;
                if (!seenWireNames.Add(wireName))
                {
                    continue;
                }

                IOpenApiSchema propertySchema = property.Value;
                bool required = requiredNames.Contains(wireName);
                string propertyPointer = partPointer + "/properties/" + JsonLocator.Escape(wireName);

                string pascal = Identifiers.ToPascalCase(wireName, "Value");
                string propertyName = members.Claim(pascal, pascal + "Value");
                TypeRef type = Map(propertySchema, name + pascal, propertyPointer, wireName);
                DocModel docs = DocModel.Empty;
                DeprecationModel? deprecation = null;
                if (propertySchema is not null)
                {
                    IOpenApiSchema target = Resolve(propertySchema);
                    docs = Docs.ForProperty(propertySchema, target);
                    deprecation = propertySchema is OpenApiSchemaReference { Reference: { } own } && own.Deprecated is { } overridden
                        ? (overridden ? DeprecationModel.Plain : null)
                        : DeprecationOf(target);
                }

                // A required property is checked once the object is read: a reference type by its null value, any other
                // (null is valid, or a value type, whose null the read itself refuses) by a bit set when it is read.
                string? presenceLocal = null;
                int presenceBit = 0;
                if (required && (type.IsNullable || type.IsValueType))
                {
                    presenceLocal = presenceCount < 64 ? "seen" : "seen" + ((presenceCount / 64) + 1).ToString(CultureInfo.InvariantCulture);
                    presenceBit = presenceCount % 64;
                    presenceCount++;
                }

                properties.Add(new PropertyModel(wireName, propertyName, type, required, docs, deprecation, presenceLocal, presenceBit));
            }
        }

        if (schema.AdditionalProperties is not null && properties.Count > 0)
        {
            _context.Report(DiagnosticDescriptors.AdditionalPropertiesBesideProperties, pointer + "/additionalProperties", name);
        }

        return Declare(new ObjectModel(name, Docs.ForSchema(schema), DeprecationOf(schema), pointer, properties.ToImmutableEquatableArray()), TypeRefKind.Object, propertyWireName);
    }

    /// <summary>The schema's <c>allOf</c> parts (and theirs) in document order, then the schema itself, each with its pointer.</summary>
    private void CollectParts(IOpenApiSchema schema, string pointer, List<(IOpenApiSchema, string)> parts, HashSet<IOpenApiSchema> visited, int depth)
    {
        IOpenApiSchema target = schema is OpenApiSchemaReference reference ? reference.Target! : schema;
        if (target is null || depth > 32 || !visited.Add(target))
        {
            return;
        }

        string targetPointer = schema is OpenApiSchemaReference r && r.Reference?.Id is { } id ? "/components/schemas/" + JsonLocator.Escape(id) : pointer;
        if (target.AllOf is { Count: > 0 } allOf)
        {
            for (int i = 0; i < allOf.Count; i++)
            {
                CollectParts(allOf[i], targetPointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture), parts, visited, depth + 1);
            }
        }

        parts.Add((target, targetPointer));
    }

    private TypeRef DeclareEnum(IOpenApiSchema schema, string nameHint, string pointer, string? claimedName, string? propertyWireName)
    {
        var values = new List<string>();
        foreach (JsonNode? node in schema.Enum!)
        {
            if (node is JsonValue value && value.TryGetValue(out string? text) && !values.Contains(text))
            {
                values.Add(text);
            }
        }

        string name = claimedName ?? ClaimTypeName(nameHint, nameHint, DeclaredMembers.Enum);
        Dictionary<string, string> deprecated = EnumValueAnnotations.ReadDeprecations(schema);
        Dictionary<string, string> descriptions = EnumValueAnnotations.ReadDescriptions(schema, values);
        string?[] varNames = EnumValueAnnotations.ReadMemberNames(schema, values.Count);
        var members = new NameScope(new[] { name }.Concat(DeclaredMembers.Enum).Concat(DeclaredMembers.Inherited));
        var memberNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < values.Count; i++)
        {
            string preferred = varNames[i] is { Length: > 0 } chosen ? Identifiers.ToPascalCase(chosen) : Identifiers.ToEnumMemberName(values[i], name);
            memberNames[values[i]] = members.Claim(preferred, preferred + "Value");
        }

        var result = new List<EnumMemberModel>();
        foreach (string value in values)
        {
            DeprecationModel? deprecation = deprecated.TryGetValue(value, out string? note) ? ValueDeprecation(value, note, values) : null;
            descriptions.TryGetValue(value, out string? description);
            result.Add(new EnumMemberModel(memberNames[value], value, new DocModel(description), deprecation));
        }

        return Declare(new EnumModel(name, Docs.ForSchema(schema), DeprecationOf(schema), pointer, result.ToImmutableEquatableArray()), TypeRefKind.Enum, propertyWireName);
    }

    /// <summary>
    /// Adds <paramref name="model"/>, or, for an inline type of a property within a component schema, returns the type
    /// already declared for an identical schema under a property of the same JSON name within a component (see
    /// <see cref="SharedShape"/>) and gives back the name this one claimed. Types within operations keep their own, named
    /// from the operation: those are the ones a caller names when building a request.
    /// </summary>
    private TypeRef Declare(TypeModel model, TypeRefKind kind, string? propertyWireName)
    {
        if (propertyWireName is not null && model.SourcePointer.StartsWith("/components/", StringComparison.Ordinal))
        {
            var shape = SharedShape.Of(propertyWireName, model);
            if (_sharedShapes.TryGetValue(shape, out TypeRef? shared))
            {
                _context.TypeNames.Release(model.Name, ConverterSuffix);
                return shared;
            }

            _sharedShapes[shape] = new TypeRef(kind, model.Name);
        }

        _context.Types.Add(model);
        return new TypeRef(kind, model.Name);
    }

    /// <summary>
    /// The schema a <c>$ref</c> to a component stands for, found by the component's id: every read through the reference
    /// would resolve it anew in Microsoft.OpenApi (building URIs each time). Other schemas, and references that do not
    /// resolve to a plain schema, are resolved as Microsoft.OpenApi does.
    /// </summary>
    private IOpenApiSchema Resolve(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Reference: { IsExternal: false, Id: { } id } } reference
            && _components.TryGetValue(id, out IOpenApiSchema? component) && component is OpenApiSchema
            && ResolvesTo(id, reference)
            ? component
            : Docs.Target(schema);

    private static DeprecationModel? DeprecationOf(IOpenApiSchema schema) => schema.Deprecated ? DeprecationModel.Plain : null;

    /// <summary>What the spec says of a deprecated value, and which other values of the enum its note points to (<c>Use `seedream-v4` instead.</c>).</summary>
    private static DeprecationModel ValueDeprecation(string value, string note, List<string> values)
    {
        string text = note.Trim();
        var replacements = new List<string>();
        for (int from = 0; CodeSpans.TryFind(text, from, out int open, out int close); from = close + 1)
        {
            string mentioned = CodeSpans.Content(text, open, close);
            if (mentioned != value && values.Contains(mentioned) && !replacements.Contains(mentioned))
            {
                replacements.Add(mentioned);
            }
        }

        return new DeprecationModel(text.Length == 0 ? null : text, replacements.ToImmutableEquatableArray());
    }

    private static TypeRef MapString(string? format) => format switch
    {
        "date-time" => new TypeRef(TypeRefKind.DateTimeOffset),
        "date" => new TypeRef(TypeRefKind.DateOnly),
        "uuid" => new TypeRef(TypeRefKind.Guid),
        "byte" => new TypeRef(TypeRefKind.Bytes),
        _ => TypeRef.String,
    };

    /// <summary>
    /// Whether the schema allows null: its type says so, or <c>x-nullable</c>, or a <c>nullable: true</c> that
    /// Microsoft.OpenApi drops from a schema without a type (read from the raw document, only then).
    /// </summary>
    private bool IsNullable(IOpenApiSchema schema, string pointer) =>
        (schema.Type is { } type && (type & JsonSchemaType.Null) != 0)
        || IsTrue(schema, "x-nullable")
        || (schema.Type is null && _context.RawFlag(pointer, "nullable"));

    private static bool IsTrue(IOpenApiSchema schema, string extension) =>
        schema.Extensions is { } extensions && extensions.TryGetValue(extension, out IOpenApiExtension? value)
        && value is JsonNodeExtension { Node: JsonValue node } && node.TryGetValue(out bool flag) && flag;

    private static bool IsStringEnum(IOpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return false;
        }

        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type != JsonSchemaType.String && type != 0)
        {
            return false;
        }

        bool anyString = false;
        foreach (JsonNode? node in values)
        {
            if (node is null)
            {
                continue;
            }

            if (node is not JsonValue value || !value.TryGetValue(out string? _))
            {
                return false;
            }

            anyString = true;
        }

        return anyString;
    }

    private static IEnumerable<string> Flags(JsonSchemaType type) =>
        new[] { JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean, JsonSchemaType.Object, JsonSchemaType.Array }
            .Where(flag => (type & flag) != 0)
            .Select(flag => flag.ToString().ToLowerInvariant());

    private static bool EnumAllowsNull(IOpenApiSchema schema)
    {
        foreach (JsonNode? node in schema.Enum!)
        {
            if (node is null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresType(IOpenApiSchema schema)
    {
        if (IsStringEnum(schema))
        {
            return true;
        }

        if (schema.AllOf is { Count: > 1 } || (schema.AllOf is { Count: 1 } && schema.Properties is { Count: > 0 }))
        {
            return true;
        }

        if ((schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 }) && schema.Properties is not { Count: > 0 })
        {
            return schema.Discriminator?.PropertyName is { Length: > 0 };
        }

        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        return schema.Properties is { Count: > 0 } || (type == JsonSchemaType.Object && schema.AdditionalProperties is null);
    }

    /// <summary>
    /// Claims a type name (and its converter's) that none of the type's own members has; a taken name falls back to the
    /// path-derived one, then "…Model".
    /// </summary>
    private string ClaimTypeName(string preferred, string pathName, string[] declaredMembers) =>
        _context.TypeNames.ClaimWithCompanions(preferred, ConverterSuffix, declaredMembers, pathName, pathName + "Model");

    /// <summary>Like <see cref="ClaimTypeName(string, string, string[])"/>, for the kind of type <paramref name="schema"/> declares.</summary>
    private string ClaimTypeName(string preferred, string pathName, IOpenApiSchema schema) => ClaimTypeName(preferred, pathName, DeclaredMembersOf(schema));

    /// <summary>The members of the type <see cref="MapInline"/> declares for <paramref name="schema"/>, tested in the same order.</summary>
    private static string[] DeclaredMembersOf(IOpenApiSchema schema)
    {
        if (schema.AllOf is { Count: > 0 })
        {
            return DeclaredMembers.Record;
        }

        if ((schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 }) && schema.Properties is not { Count: > 0 })
        {
            return DeclaredMembers.Union;
        }

        return IsStringEnum(schema) ? DeclaredMembers.Enum : DeclaredMembers.Record;
    }

    private static string? ExplicitName(IOpenApiSchema schema, bool includeTitle)
    {
        if (schema.Extensions is { } extensions)
        {
            foreach (string extension in NameExtensions)
            {
                if (extensions.TryGetValue(extension, out IOpenApiExtension? value) && value is JsonNodeExtension { Node: JsonValue node }
                    && node.TryGetValue(out string? text) && text.Length > 0)
                {
                    return Identifiers.ToPascalCase(text, "Schema");
                }
            }
        }

        return includeTitle && schema is not OpenApiSchemaReference && schema.Title is { Length: > 0 } title ? Identifiers.ToPascalCase(title, "Schema") : null;
    }
}
