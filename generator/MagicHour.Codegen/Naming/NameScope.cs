using System;
using System.Collections.Generic;

namespace MagicHour.Codegen.Naming;

/// <summary>
/// Hands out names that are unique within one scope (a namespace, a type's members, a method's parameters and locals).
/// A taken name tries the caller's alternatives first, then a numeric suffix, so the result only depends on what was
/// asked before it.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null)
        : this(StringComparer.Ordinal, reserved)
    {
    }

    private NameScope(StringComparer comparer, IEnumerable<string>? reserved)
    {
        _taken = new HashSet<string>(comparer);
        if (reserved is not null)
        {
            foreach (string name in reserved)
            {
                _taken.Add(name);
            }
        }
    }

    /// <summary>
    /// A scope where names that differ only in case clash: for generated types, since each names its generated file,
    /// and the compiler (like the Windows and macOS file systems) tells file names apart regardless of case.
    /// </summary>
    public static NameScope IgnoringCase() => new(StringComparer.OrdinalIgnoreCase, null);

    /// <summary>Claims <paramref name="preferred"/> or the first free alternative, else a numbered form.</summary>
    public string Claim(string preferred, params string[] alternatives)
    {
        if (_taken.Add(preferred))
        {
            return preferred;
        }

        foreach (string candidate in Candidates(preferred, alternatives))
        {
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Claims a group of names that must be free together (a type and its converter), skipping the candidates in
    /// <paramref name="unusable"/> (e.g. the names of the members the type will declare).
    /// </summary>
    public string ClaimWithCompanions(string preferred, string[] companionSuffixes, string[] unusable, params string[] alternatives)
    {
        foreach (string candidate in Candidates(preferred, alternatives))
        {
            if (Array.IndexOf(unusable, candidate) >= 0 || _taken.Contains(candidate) || Array.Exists(companionSuffixes, s => _taken.Contains(candidate + s)))
            {
                continue;
            }

            _taken.Add(candidate);
            foreach (string suffix in companionSuffixes)
            {
                _taken.Add(candidate + suffix);
            }

            return candidate;
        }

        throw new InvalidOperationException("unreachable");
    }

    private static IEnumerable<string> Candidates(string preferred, string[] alternatives)
    {
        yield return preferred;
        foreach (string alternative in alternatives)
        {
            yield return alternative;
        }

        for (int i = 2; ; i++)
        {
            yield return preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
