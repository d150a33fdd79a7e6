using System;
using System.Collections.Generic;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Which generated file holds what. The compiler and the IDE pay per file on every run, so types are grouped: one file
/// per operation group (<c>client.Repos</c>, <c>client.V1.ImageProjects</c>) with its client classes and the models
/// only its operations use, and the models that several groups share (or none uses) spread over a fixed number of
/// files by a hash of their name. Names and order depend only on the model: adding an operation changes its group's
/// file, and the shared files only when it makes a model shared.
/// </summary>
internal sealed class FileLayout
{
    /// <summary>How many files the shared models are spread over.</summary>
    public const int SharedBuckets = 32;

    private FileLayout(OperationGroupModel rootGroup, List<FileGroup> groups, List<TypeModel> rootTypes, List<TypeModel>[] shared)
    {
        RootGroup = rootGroup;
        Groups = groups;
        RootTypes = rootTypes;
        Shared = shared;
    }

    /// <summary>The deepest group that is the only child of its parent and has no operations: the root file holds it and the groups above it.</summary>
    public OperationGroupModel RootGroup { get; }

    /// <summary>One file each: a child group of <see cref="RootGroup"/>, its descendants and the models only they use.</summary>
    public List<FileGroup> Groups { get; }

    /// <summary>Models only the root file's operations use.</summary>
    public List<TypeModel> RootTypes { get; }

    /// <summary>
    /// The other models, by bucket (<see cref="Bucket"/>): <see cref="SharedBuckets"/> lists, empty where no model falls.
    /// An array, not a sorted dictionary: the buckets' order is their number's, and a dictionary keyed by their names
    /// would JIT-compile its tree for the key-value pairs on every cold run.
    /// </summary>
    public List<TypeModel>[] Shared { get; }

    public static FileLayout Of(ClientModel model)
    {
        OperationGroupModel top = model.Root;
        while (top.Operations.Count == 0 && top.Groups.Count == 1)
        {
            top = top.Groups[0];
        }

        var typesByName = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (TypeModel type in model.Types)
        {
            typesByName[type.Name] = type;
        }

        // The owner of each type: the index of the one file group that uses it, -1 for the root file, or Shared.
        const int Shared = int.MinValue;
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        void Claim(OperationGroupModel group, int owner, bool recurse)
        {
            // Every type an operation's method names: parameters, body, form fields and response.
            foreach (OperationModel operation in group.Operations)
            {
                foreach (ParameterModel parameter in operation.Parameters)
                {
                    Visit(parameter.Type, owner);
                }

                if (operation.RequestBody is { } body)
                {
                    Visit(body.Type, owner);
                    foreach (FormFieldModel field in body.Fields)
                    {
                        Visit(field.Type, owner);
                    }
                }

                if (operation.ResponseType is { } response)
                {
                    Visit(response, owner);
                }
            }

            if (recurse)
            {
                foreach (OperationGroupModel child in group.Groups)
                {
                    Claim(child, owner, recurse: true);
                }
            }
        }

        void Visit(TypeRef type, int owner)
        {
            while (type.Element is { } element)
            {
                type = element;
            }

            if (type.Name is not { } name || !typesByName.TryGetValue(name, out TypeModel? declared))
            {
                return;
            }

            if (owners.TryGetValue(name, out int current))
            {
                if (current != owner && current != Shared)
                {
                    owners[name] = Shared;
                    VisitMembers(declared, Shared);
                }

                return;
            }

            owners[name] = owner;
            VisitMembers(declared, owner);
        }

        void VisitMembers(TypeModel declared, int owner)
        {
            switch (declared)
            {
                case ObjectModel objectModel:
                    foreach (PropertyModel property in objectModel.Properties)
                    {
                        Visit(property.Type, owner);
                    }

                    break;
                case UnionModel union:
                    foreach (UnionCaseModel @case in union.Cases)
                    {
                        Visit(new TypeRef(TypeRefKind.Object, @case.TypeName), owner);
                    }

                    break;
            }
        }

        for (OperationGroupModel group = model.Root; ; group = group.Groups[0])
        {
            Claim(group, -1, recurse: false);
            if (ReferenceEquals(group, top))
            {
                break;
            }
        }

        var groups = new List<FileGroup>();
        foreach (OperationGroupModel child in top.Groups)
        {
            Claim(child, groups.Count, recurse: true);
            groups.Add(new FileGroup(child, new List<TypeModel>()));
        }

        var rootTypes = new List<TypeModel>();
        var shared = new List<TypeModel>[SharedBuckets];
        for (int i = 0; i < shared.Length; i++)
        {
            shared[i] = new List<TypeModel>();
        }

        foreach (TypeModel type in model.Types)
        {
            int owner = owners.TryGetValue(type.Name, out int found) ? found : Shared;
            if (owner == -1)
            {
                rootTypes.Add(type);
            }
            else if (owner >= 0)
            {
                groups[owner].Types.Add(type);
            }
            else
            {
                shared[Bucket(type.Name)].Add(type);
            }
        }

        return new FileLayout(top, groups, rootTypes, shared);
    }

    /// <summary>
    /// One of <see cref="SharedBuckets"/> files, from the name alone (FNV-1a, so the same on every machine and run): a
    /// model stays in its file whatever else the document declares, and no file grows much larger than the others.
    /// </summary>
    private static int Bucket(string typeName)
    {
        uint hash = 2166136261;
        foreach (char c in typeName)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % SharedBuckets);
    }

    /// <summary>A bucket's part of its file name: <c>07</c>.</summary>
    public static string BucketName(int bucket) => bucket.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One group's file: the group's client classes and the models only its operations use.</summary>
internal sealed record FileGroup(OperationGroupModel Group, List<TypeModel> Types);
