using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace MagicHour.Codegen.Tests.Infrastructure;

/// <summary>
/// What every generator run must satisfy (the habit of System.Text.Json's and NetEscapades' generator tests): a second
/// run on the same input re-runs nothing, and the models that cross the pipeline hold only the generator's own
/// equatable data — no Roslyn symbol, syntax or Microsoft.OpenApi object that would keep a compilation alive or
/// defeat caching.
/// </summary>
internal static class PipelineChecks
{
    private static readonly Assembly Generator = typeof(OpenApiClientGenerator).Assembly;

    /// <summary>Every tracked step and every source output of <paramref name="rerun"/> is Cached or Unchanged.</summary>
    public static void AssertRerunIsCached(GeneratorDriverRunResult rerun)
    {
        foreach (GeneratorRunResult result in rerun.Results)
        {
            IEnumerable<(string Step, IncrementalStepRunReason Reason)> reasons = result.TrackedSteps
                .Concat(result.TrackedOutputSteps)
                .SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(output => (step.Key, output.Reason))));
            foreach ((string step, IncrementalStepRunReason reason) in reasons)
            {
                if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    throw new XunitException($"Running the generator again on the same input re-ran step '{step}' ({reason}).");
                }
            }
        }
    }

    /// <summary>Walks every object reachable from the models of <paramref name="run"/> and fails on anything not ours.</summary>
    public static void AssertModelsHoldOnlyOwnData(GeneratorDriverRunResult run)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (GeneratorRunResult result in run.Results)
        {
            if (!result.TrackedSteps.TryGetValue(OpenApiClientGenerator.StepNames.ClientModels, out System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep> steps))
            {
                continue;
            }

            foreach (object model in steps.SelectMany(step => step.Outputs.Select(output => output.Value)))
            {
                Walk(model, "model", visited);
            }
        }
    }

    private static void Walk(object value, string path, HashSet<object> visited)
    {
        Type type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string)
        {
            return;
        }

        if (!visited.Add(value))
        {
            return;
        }

        if (type.IsArray)
        {
            int index = 0;
            foreach (object? item in (IEnumerable)value)
            {
                if (item is not null)
                {
                    Walk(item, $"{path}[{index}]", visited);
                }

                index++;
            }

            return;
        }

        if (type.Assembly != Generator)
        {
            throw new XunitException($"The model holds a {type.FullName} (from {type.Assembly.GetName().Name}) at {path}; only the generator's own equatable data may cross the pipeline.");
        }

        if (!IsEquatable(type))
        {
            throw new XunitException($"The model holds a {type.FullName} at {path}, which does not implement IEquatable<T>; the pipeline could not tell it is unchanged.");
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.GetValue(value) is { } child)
                {
                    Walk(child, $"{path}.{MemberName(field)}", visited);
                }
            }
        }
    }

    private static bool IsEquatable(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GetGenericArguments()[0].IsAssignableFrom(type));

    /// <summary>A record's positional property rather than its backing field's compiler-made name.</summary>
    private static string MemberName(FieldInfo field) =>
        field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>')] : field.Name;
}
