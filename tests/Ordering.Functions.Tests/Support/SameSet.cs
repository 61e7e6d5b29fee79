namespace Ordering.Functions.Tests.Support;

/// <summary>Set equality that fails naming what each side has and the other lacks, so a review sees the difference at once.</summary>
internal static class SameSet
{
    public static void Assert<T>(IEnumerable<T> left, string leftName, IEnumerable<T> right, string rightName, IEqualityComparer<T>? comparer = null)
    {
        var l = left.ToHashSet(comparer);
        var r = right.ToHashSet(comparer);
        var onlyLeft = l.Except(r, comparer).Select(x => x?.ToString()).Order(StringComparer.Ordinal).ToList();
        var onlyRight = r.Except(l, comparer).Select(x => x?.ToString()).Order(StringComparer.Ordinal).ToList();
        if (onlyLeft.Count == 0 && onlyRight.Count == 0) return;
        Xunit.Assert.Fail(
            $"Only in {leftName}: [{string.Join(", ", onlyLeft)}]{Environment.NewLine}Only in {rightName}: [{string.Join(", ", onlyRight)}]");
    }
}
