using System;
using System.Collections.Generic;

namespace MagicHour.Emulator;

/// <summary>The fault rules of an emulator. Rules are tried in the order they were added.</summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<RemainingRule> _rules = new();

    /// <summary>Adds a rule; it applies to the next <see cref="FaultRule.Times"/> matching requests.</summary>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Times <= 0)
        {
            return;
        }

        lock (_gate)
        {
            _rules.Add(new RemainingRule(rule, rule.Times));
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Takes one use of the first rule matching the request, or returns null.</summary>
    internal FaultRule? TakeMatch(string method, string path)
    {
        lock (_gate)
        {
            for (int i = 0; i < _rules.Count; i++)
            {
                RemainingRule candidate = _rules[i];
                FaultRule rule = candidate.Rule;
                if (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (rule.PathPrefix is not null && !path.StartsWith(rule.PathPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                candidate.Remaining--;
                if (candidate.Remaining == 0)
                {
                    _rules.RemoveAt(i);
                }

                return rule;
            }

            return null;
        }
    }

    private sealed class RemainingRule(FaultRule rule, int remaining)
    {
        public FaultRule Rule { get; } = rule;

        public int Remaining { get; set; } = remaining;
    }
}
