using System.Collections.Generic;
using System.Text;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>
/// Turns a <see cref="ClientModel"/> into source files, grouped as <see cref="FileLayout"/> says. It only writes: every
/// decision was made by the parser.
/// </summary>
internal static class Emitter
{
    public static List<SourceFile> Emit(ClientModel model)
    {
        var files = new List<SourceFile>();
        if (model.IsEmpty)
        {
            return files;
        }

        FileLayout layout = FileLayout.Of(model);
        var builder = new StringBuilder();
        CodeWriter w = Start(model, builder);
        ClientEmitter.EmitRoot(w, model);
        for (OperationGroupModel group = model.Root; !ReferenceEquals(group, layout.RootGroup);)
        {
            group = group.Groups[0];
            w.Line();
            ClientEmitter.EmitGroup(w, group);
        }

        Types(w, layout.RootTypes, model.Namespace);
        files.Add(new SourceFile($"{model.HintPrefix}.g.cs", w.ToString()));
        files.Add(new SourceFile($"{model.HintPrefix}ServiceCollectionExtensions.g.cs", ServiceCollectionEmitter.Emit(model)));

        foreach (FileGroup file in layout.Groups)
        {
            w = Start(model, builder);
            bool first = true;
            Groups(w, file.Group, ref first);
            Types(w, file.Types, model.Namespace);
            files.Add(new SourceFile($"{model.HintPrefix}.{file.Group.ClassName}.g.cs", w.ToString()));
        }

        for (int bucket = 0; bucket < layout.Shared.Length; bucket++)
        {
            if (layout.Shared[bucket].Count == 0)
            {
                continue;
            }

            w = Start(model, builder);
            Types(w, layout.Shared[bucket], model.Namespace, first: true);
            files.Add(new SourceFile($"{model.HintPrefix}.Models.{FileLayout.BucketName(bucket)}.g.cs", w.ToString()));
        }

        return files;
    }

    private static CodeWriter Start(ClientModel model, StringBuilder builder)
    {
        var w = new CodeWriter(builder);
        FileHeader.Write(w, model.Namespace);
        return w;
    }

    private static void Groups(CodeWriter w, OperationGroupModel group, ref bool first)
    {
        if (!first)
        {
            w.Line();
        }

        first = false;
        ClientEmitter.EmitGroup(w, group);
        foreach (OperationGroupModel child in group.Groups)
        {
            Groups(w, child, ref first);
        }
    }

    private static void Types(CodeWriter w, List<TypeModel> types, string ns, bool first = false)
    {
        foreach (TypeModel type in types)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            switch (type)
            {
                case ObjectModel objectModel:
                    ObjectEmitter.Emit(w, objectModel);
                    break;
                case EnumModel enumModel:
                    EnumEmitter.Emit(w, enumModel);
                    break;
                case UnionModel unionModel:
                    UnionEmitter.Emit(w, unionModel, ns);
                    break;
            }
        }
    }
}
