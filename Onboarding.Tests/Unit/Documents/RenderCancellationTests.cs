using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>
/// A render stops when its token is cancelled (security review, issue 11 item 5: a render went on
/// after the client left and blocked shutdown). Each test cancels from inside the render at a known
/// point, so nothing depends on timing, and checks that the work after that point never ran.
/// </summary>
public class RenderCancellationTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private readonly PdfRenderer _renderer = fixture.Renderer;

    [Fact]
    public void A_pack_and_a_personal_plan_with_a_cancelled_token_throw_operation_cancelled()
    {
        var pack = PackModels.Demo();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _renderer.Render(PackComposer.Pack(pack), cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => _renderer.Render(PackComposer.Personal(pack, pack.Members[0]), cancelled.Token));
    }

    [Fact]
    public void Cancelling_during_layout_stops_before_the_next_block_is_laid_out()
    {
        using var cancellation = new CancellationTokenSource();
        var after = new Probe();
        var document = new Document(SampleDocuments.Metadata).Content(c =>
        {
            c.Paragraph("Laid out before the request went away.");
            c.Blocks.Add(new Probe(onLayout: cancellation.Cancel));
            c.Blocks.Add(after);
        });

        Assert.ThrowsAny<OperationCanceledException>(() => _renderer.Render(document, cancellation.Token));
        Assert.Equal(0, after.LaidOut);
    }

    [Fact]
    public void Cancelling_during_pagination_stops_before_the_next_page()
    {
        using var cancellation = new CancellationTokenSource();
        var asked = new List<int>();
        var document = SampleDocuments.PlanPack(tasks: 90).Header((c, page) =>
        {
            asked.Add(page.Number);
            if (page.Number == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => _renderer.Render(document, cancellation.Token));
        // The 90-task pack runs to many pages; its bands were measured for the first three only.
        Assert.Equal(3, asked.Max());
    }

    [Fact]
    public void Cancelling_while_drawing_stops_before_the_next_slice_is_drawn()
    {
        using var cancellation = new CancellationTokenSource();
        var after = new Probe();
        var document = new Document(SampleDocuments.Metadata).Content(c =>
        {
            c.Paragraph("Drawn before the request went away.");
            c.Blocks.Add(new Probe(onDraw: cancellation.Cancel));
            c.PageBreak();
            c.Blocks.Add(after);
        });

        Assert.ThrowsAny<OperationCanceledException>(() => _renderer.Render(document, cancellation.Token));
        Assert.Equal((1, 0), (after.LaidOut, after.Drawn));
    }

    /// <summary>A block that counts how often it is laid out and drawn, and can act at either point.</summary>
    private sealed class Probe(Action? onLayout = null, Action? onDraw = null) : Block
    {
        public int LaidOut { get; private set; }

        public int Drawn { get; private set; }

        public override IEnumerable<Slice> Layout(LayoutContext context, float width)
        {
            LaidOut++;
            onLayout?.Invoke();
            return [new PaintSlice(10, (_, _, _) =>
            {
                Drawn++;
                onDraw?.Invoke();
            })];
        }
    }
}
