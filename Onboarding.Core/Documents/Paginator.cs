namespace Onboarding.Core.Documents;

internal sealed record PlacedSlice(Slice Slice, float Y);

/// <summary>One page after pagination: slices at absolute positions, and the header and footer heights it reserves.</summary>
internal sealed class PageLayout(int number, float headerHeight, float footerHeight)
{
    public int Number { get; } = number;

    public float HeaderHeight { get; } = headerHeight;

    public float FooterHeight { get; } = footerHeight;

    public List<PlacedSlice> Slices { get; } = [];
}

internal sealed record Pagination(IReadOnlyList<PageLayout> Pages, IReadOnlyDictionary<string, int> AnchorPages);

/// <summary>
/// Fills pages top to bottom. Spacing collapses between slices and vanishes at the top of a
/// page; keep-with-next chains move together; a slice that does not fit is split if it can be,
/// else moved to the next page; a table row starting a page gets its header repeated first.
/// </summary>
internal static class Paginator
{
    private const float Tolerance = 0.01f;
    private const float BandGap = 10;

    /// <param name="bands">Measured header and footer heights for a page number (0 when absent).</param>
    public static Pagination Paginate(
        IReadOnlyList<Slice> slices, PageSetup setup, Func<int, (float Header, float Footer)> bands, CancellationToken cancellationToken = default)
    {
        var pages = new List<PageLayout>();
        var anchorPages = new Dictionary<string, int>();
        var pending = new List<Slice>(slices);
        pending.Reverse();

        PageLayout page = null!;
        float bodyTop = 0, bodyHeight = 0, y = 0;
        Slice? previous = null;
        // A repeated table header alone at the top still counts as a fresh page: a row that does not fit
        // below it will not fit below the next page's copy either, so it must be split or placed here.
        Slice? repeatedHeader = null;
        var fresh = true;

        void Open()
        {
            var (header, footer) = bands(pages.Count + 1);
            page = new PageLayout(pages.Count + 1, header, footer);
            pages.Add(page);
            bodyTop = setup.Margins.Top + (header > 0 ? header + BandGap : 0);
            var bodyBottom = setup.Height - setup.Margins.Bottom - (footer > 0 ? footer + BandGap : 0);
            bodyHeight = bodyBottom - bodyTop;
            y = 0;
            previous = null;
            fresh = true;
        }

        void Place(Slice slice, float at)
        {
            page.Slices.Add(new PlacedSlice(slice, bodyTop + at));
            var anchors = new List<(string Anchor, float Y)>();
            slice.CollectAnchors(bodyTop + at, anchors);
            foreach (var (anchor, _) in anchors)
            {
                anchorPages[anchor] = page.Number;
            }

            y = at + slice.Height;
            previous = slice;
            fresh = slice == repeatedHeader;
        }

        Slice Pop()
        {
            var top = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            return top;
        }

        // Whether the slices chained to this one by keep-with-next also fit in what remains.
        bool ChainFits(Slice slice, float remaining)
        {
            var current = slice;
            for (var i = pending.Count - 1; i >= 0 && current.KeepWithNext && pending[i] is not PageBreakSlice; i--)
            {
                var next = pending[i];
                remaining -= Math.Max(current.SpaceAfter, next.SpaceBefore) + (next.KeepWithNext ? next.Height : next.MinHeight);
                if (remaining < -Tolerance)
                {
                    return false;
                }

                current = next;
            }

            return true;
        }

        Open();
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = Pop();
            if (slice is PageBreakSlice)
            {
                if (previous is not null)
                {
                    Open();
                }

                continue;
            }

            if (previous is null && slice.RepeatHeader is { } header)
            {
                pending.Add(slice);
                pending.Add(header);
                repeatedHeader = header;
                continue;
            }

            var gap = previous is null ? 0 : Math.Max(previous.SpaceAfter, slice.SpaceBefore);
            var available = bodyHeight - y - gap;
            if (slice.Height <= available + Tolerance)
            {
                if (!fresh && !ChainFits(slice, available - slice.Height))
                {
                    pending.Add(slice);
                    Open();
                    continue;
                }

                Place(slice, y + gap);
                continue;
            }

            if ((!slice.KeepTogether || fresh) && slice.Split(available) is var (head, tail))
            {
                Place(head, y + gap);
                pending.Add(tail);
                Open();
                continue;
            }

            if (!fresh)
            {
                pending.Add(slice);
                Open();
                continue;
            }

            // Taller than a page and indivisible (a huge chart): it gets a page to itself and is cut off.
            Place(slice, y + gap);
        }

        if (pages.Count > 1 && pages[^1].Slices.Count == 0)
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return new Pagination(pages, anchorPages);
    }
}
