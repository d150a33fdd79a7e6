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
        for (int i = 0; ; i++)
        {
            string candidate = Candidate(preferred, alternatives, i);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// Claims a group of names that must be free together (a type and its converter), skipping the candidates in
    /// <paramref name="unusable"/> (e.g. the names of the members the type will declare).
    /// </summary>
    public string ClaimWithCompanions(string preferred, string[] companionSuffixes, string[] unusable, params string[] alternatives)
    {
        for (int i = 0; ; i++)
        {
            string candidate = Candidate(preferred, alternatives, i);
            if (Array.IndexOf(unusable, candidate) >= 0 || _taken.Contains(candidate) || AnyTaken(candidate, companionSuffixes))
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
    }

    /// <summary>Gives back a name claimed with <see cref="ClaimWithCompanions"/>, and its companions, for a type not declared after all.</summary>
    public void Release(string name, string[] companionSuffixes)
    {
        _taken.Remove(name);
        foreach (string suffix in companionSuffixes)
        {
            _taken.Remove(name + suffix);
        }
    }

    private bool AnyTaken(string name, string[] suffixes)
    {
        foreach (string suffix in suffixes)
        {
            if (_taken.Contains(name + suffix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The names to try, by <paramref name="index"/>: <paramref name="preferred"/>, then each of
    /// <paramref name="alternatives"/>, then <paramref name="preferred"/> numbered from 2.
    /// </summary>
    private static string Candidate(string preferred, string[] alternatives, int index) =>
        index == 0 ? preferred
        : index <= alternatives.Length ? alternatives[index - 1]
        : preferred + (index - alternatives.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
