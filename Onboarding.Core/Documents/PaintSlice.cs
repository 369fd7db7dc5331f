namespace Onboarding.Core.Documents;

/// <summary>A fixed-height drawing measured up front (a chart); painted at its top-left corner.</summary>
internal sealed record PaintSlice(float Height, Action<DrawContext, float, float> Paint) : Slice(Height)
{
    public override void Draw(DrawContext context, float x, float y) => Paint(context, x, y);
}
