using System;
using System.Collections.Generic;

namespace MagicHour.Codegen.Benchmarks;

/// <summary>
/// Runs two measurements in turn, so a change in the load of a shared machine falls on both alike; the order flips every
/// round (A B, B A, A B, …) so that neither always runs right after the other.
/// </summary>
internal static class Alternately
{
    /// <summary><paramref name="runs"/> results of each (none of <paramref name="second"/> when it is absent).</summary>
    public static (List<TFirst> First, List<TSecond> Second) Measure<TFirst, TSecond>(int runs, Func<TFirst> first, Func<TSecond>? second)
    {
        var firsts = new List<TFirst>();
        var seconds = new List<TSecond>();
        for (int round = 0; round < runs; round++)
        {
            bool secondFirst = round % 2 == 1;
            if (secondFirst && second is not null)
            {
                seconds.Add(second());
            }

            firsts.Add(first());
            if (!secondFirst && second is not null)
            {
                seconds.Add(second());
            }
        }

        return (firsts, seconds);
    }
}
