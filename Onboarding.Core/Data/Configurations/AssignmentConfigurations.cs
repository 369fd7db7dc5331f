using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Data.Configurations;

internal sealed class RecruiterAssignmentConfiguration : IEntityTypeConfiguration<RecruiterAssignment>
{
    public void Configure(EntityTypeBuilder<RecruiterAssignment> e)
    {
        e.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Recruiter).WithMany().HasForeignKey(x => x.RecruiterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.HiringManager).WithMany().HasForeignKey(x => x.HiringManagerId).OnDelete(DeleteBehavior.Cascade);
        // One pair once; the hiring manager's own index serves "their recruiters".
        e.HasIndex(x => new { x.RecruiterId, x.HiringManagerId }).IsUnique();
        e.HasIndex(x => x.HiringManagerId);
        e.HasIndex(x => x.EngagementId);
    }
}

internal sealed class TaskReassignmentConfiguration : IEntityTypeConfiguration<TaskReassignment>
{
    public void Configure(EntityTypeBuilder<TaskReassignment> e)
    {
        e.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.FromMember).WithMany().HasForeignKey(x => x.FromMemberId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.ToMember).WithMany().HasForeignKey(x => x.ToMemberId).OnDelete(DeleteBehavior.Cascade);
        // Digests read an engagement's reassignments since the last one.
        e.HasIndex(x => new { x.EngagementId, x.At });
        e.HasIndex(x => x.TaskId);
    }
}
