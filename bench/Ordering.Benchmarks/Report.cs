using System.Globalization;

namespace Ordering.Benchmarks;

/// <summary>Figures printed the same way on every machine, whatever its culture.</summary>
internal static class Report
{
    public static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    public static string Verdict(bool met) => met ? "met" : "MISSED";
}
