using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Governance.CheckIns;

namespace Onboarding.Core.Data.Configurations;

internal sealed class CheckInSeriesConfiguration : IEntityTypeConfiguration<CheckInSeries>
{
    public void Configure(EntityTypeBuilder<CheckInSeries> e)
    {
        e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Engagement).WithMany(g => g.CheckIns).HasForeignKey(x => x.EngagementId);
        // A recruiter who leaves takes their check-ins with them; their meetings' tasks and decisions stay in the plan and log.
        e.HasOne(x => x.Recruiter).WithMany().HasForeignKey(x => x.RecruiterMemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.SeriesId);
        e.HasMany(x => x.Meetings).WithOne(m => m.Series).HasForeignKey(m => m.SeriesId);
    }
}

internal sealed class CheckInParticipantConfiguration : IEntityTypeConfiguration<CheckInParticipant>
{
    public void Configure(EntityTypeBuilder<CheckInParticipant> e)
    {
        e.HasKey(x => new { x.SeriesId, x.MemberId });
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId);
        // The calendar feed's and the digest's look-up: the series a member attends.
        e.HasIndex(x => x.MemberId);
    }
}

internal sealed class CheckInMeetingConfiguration : IEntityTypeConfiguration<CheckInMeeting>
{
    public void Configure(EntityTypeBuilder<CheckInMeeting> e)
    {
        e.Property(x => x.RecordedBy).HasMaxLength(TextLimits.Name);
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
        // One record per meeting: of two people recording the same meeting at once, one insert wins.
        e.HasIndex(x => new { x.SeriesId, x.Date }).IsUnique();
        // The digest's look-up: meetings recorded in an engagement since a recipient's last digest.
        e.HasIndex(x => new { x.EngagementId, x.RecordedAt });
        e.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.MeetingId);
        e.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.MeetingId);
    }
}

internal sealed class CheckInDecisionConfiguration : IEntityTypeConfiguration<CheckInDecision>
{
    public void Configure(EntityTypeBuilder<CheckInDecision> e)
    {
        e.HasKey(x => new { x.MeetingId, x.LogEntryId });
        e.HasOne(x => x.LogEntry).WithMany().HasForeignKey(x => x.LogEntryId);
    }
}

internal sealed class CheckInActionConfiguration : IEntityTypeConfiguration<CheckInAction>
{
    public void Configure(EntityTypeBuilder<CheckInAction> e)
    {
        e.HasKey(x => new { x.MeetingId, x.TaskId });
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId);
    }
}
