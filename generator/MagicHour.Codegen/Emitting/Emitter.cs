using System.Collections.Generic;
using MagicHour.Codegen.Model;

namespace MagicHour.Codegen.Emitting;

/// <summary>Turns a <see cref="ClientModel"/> into source files. It only writes: every decision was made by the parser.</summary>
internal static class Emitter
{
    public static List<SourceFile> Emit(ClientModel model)
    {
        var files = new List<SourceFile>();
        if (model.IsEmpty)
        {
            return files;
        }

        files.Add(new SourceFile($"{model.HintPrefix}.g.cs", ClientEmitter.EmitRoot(model)));
        files.Add(new SourceFile($"{model.HintPrefix}ServiceCollectionExtensions.g.cs", ServiceCollectionEmitter.Emit(model)));
        AddGroups(files, model.Root, model);
        foreach (TypeModel type in model.Types)
        {
            string text = type switch
            {
                ObjectModel objectModel => ObjectEmitter.Emit(objectModel, model.Namespace),
                EnumModel enumModel => EnumEmitter.Emit(enumModel, model.Namespace),
                UnionModel unionModel => UnionEmitter.Emit(unionModel, model.Namespace),
                _ => string.Empty,
            };
            files.Add(new SourceFile($"{model.HintPrefix}.Models.{type.Name}.g.cs", text));
        }

        return files;
    }

    private static void AddGroups(List<SourceFile> files, OperationGroupModel group, ClientModel model)
    {
        foreach (OperationGroupModel child in group.Groups)
        {
            files.Add(new SourceFile($"{model.HintPrefix}.{child.ClassName}.g.cs", ClientEmitter.EmitGroup(child, model.Namespace)));
            AddGroups(files, child, model);
        }
    }
}
