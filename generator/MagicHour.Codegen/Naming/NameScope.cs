using System;
using System.Collections.Generic;

namespace MagicHour.Codegen.Naming;

/// <summary>
/// Hands out names that are unique within one scope (a namespace, a type's members, a method's locals). A taken name
/// tries the caller's alternatives first, then a numeric suffix, so the result only depends on what was asked before it.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null, bool ignoreCase = false)
    {
        _taken = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (reserved is not null)
        {
            foreach (string name in reserved)
            {
                _taken.Add(name);
            }
        }
    }

    /// <summary>Claims <paramref name="preferred"/> or the first free alternative, else a numbered form.</summary>
    public string Claim(string preferred, params string[] alternatives)
    {
        if (_taken.Add(preferred))
        {
            return preferred;
        }

        foreach (string alternative in alternatives)
        {
            if (_taken.Add(alternative))
            {
                return alternative;
            }
        }

        for (int i = 2; ; i++)
        {
            string numbered = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(numbered))
            {
                return numbered;
            }
        }
    }

    /// <summary>Claims a group of names that must be free together (a type and its converter).</summary>
    public string ClaimWithCompanions(string preferred, string[] companionSuffixes, params string[] alternatives)
    {
        foreach (string candidate in Candidates(preferred, alternatives))
        {
            if (_taken.Contains(candidate) || Array.Exists(companionSuffixes, s => _taken.Contains(candidate + s)))
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
