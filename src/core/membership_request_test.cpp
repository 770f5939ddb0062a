#include "core/membership_request.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"

namespace cnscd {
namespace {

using S = RequestState;
using A = RequestAction;

// Every (state, action) pair: the state it leads to, or nullopt where it is refused.
struct Case {
  S from;
  A action;
  std::optional<S> to;
};

const std::vector<Case> kTable{
    {S::kSubmitted, A::kNominate, S::kNominated},
    {S::kSubmitted, A::kApprove, std::nullopt},  // the leader introduces it first
    {S::kSubmitted, A::kReject, S::kRejected},
    {S::kSubmitted, A::kWithdraw, S::kWithdrawn},
    {S::kNominated, A::kNominate, std::nullopt},
    {S::kNominated, A::kApprove, S::kApproved},
    {S::kNominated, A::kReject, S::kRejected},
    {S::kNominated, A::kWithdraw, S::kWithdrawn},
    {S::kApproved, A::kNominate, std::nullopt},
    {S::kApproved, A::kApprove, std::nullopt},
    {S::kApproved, A::kReject, std::nullopt},
    {S::kApproved, A::kWithdraw, std::nullopt},
    {S::kRejected, A::kNominate, std::nullopt},
    {S::kRejected, A::kApprove, std::nullopt},
    {S::kRejected, A::kReject, std::nullopt},
    {S::kRejected, A::kWithdraw, std::nullopt},
    {S::kWithdrawn, A::kNominate, std::nullopt},
    {S::kWithdrawn, A::kApprove, std::nullopt},
    {S::kWithdrawn, A::kReject, std::nullopt},
    {S::kWithdrawn, A::kWithdraw, std::nullopt},
};

TEST(MembershipRequest, EveryTransitionIsAllowedOrRefusedAsTheProcedureSays) {
  ASSERT_EQ(kTable.size(), 20U);  // five states by four actions, none forgotten
  for (const Case& c : kTable) {
    SCOPED_TRACE(std::string(ToString(c.action)) + " from " + std::string(ToString(c.from)));
    EXPECT_EQ(NextState(c.from, c.action), c.to);
    if (c.to) {
      EXPECT_EQ(Transition(c.from, c.action), *c.to);
      continue;
    }
    try {
      Transition(c.from, c.action);
      ADD_FAILURE() << "should have been refused";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kConflict);
      EXPECT_EQ(e.code(), "invalid_transition");
      // The message names the current state, in each language.
      EXPECT_NE(e.message_vi().find(std::string(VietnameseName(c.from))), std::string::npos)
          << e.message_vi();
      EXPECT_NE(e.message_en().find(std::string(ToString(c.from))), std::string::npos)
          << e.message_en();
      EXPECT_NE(e.message_vi(), e.message_en());
    }
  }
}

TEST(MembershipRequest, AJoinGoesFromApplicationThroughTheLeaderToTheChairman) {
  S s = S::kSubmitted;
  s = Transition(s, A::kNominate);
  EXPECT_EQ(s, S::kNominated);
  s = Transition(s, A::kApprove);
  EXPECT_EQ(s, S::kApproved);
  EXPECT_FALSE(IsOpen(s));
}

TEST(MembershipRequest, ALeadersOwnJoinRequestStartsNominated) {
  const std::vector<HeldGrant> leader{{GrantRole::kTeamLeader, "/1/2/3/", 7}};
  EXPECT_EQ(InitialState(RequestKind::kJoin, leader, 7), S::kNominated);
  // Leading another team, or asking to leave, changes nothing: the request waits on the leader.
  EXPECT_EQ(InitialState(RequestKind::kJoin, leader, 8), S::kSubmitted);
  EXPECT_EQ(InitialState(RequestKind::kLeave, leader, 7), S::kSubmitted);
  // A member, an officer, the chairman or an administrator files an application to introduce.
  for (const GrantRole role : {GrantRole::kMember, GrantRole::kCommuneOfficer,
                               GrantRole::kCommuneChair, GrantRole::kAdmin}) {
    const std::vector<HeldGrant> held{
        {role, "/1/2/3/", IsTeamRole(role) ? std::optional<std::int64_t>(7) : std::nullopt}};
    EXPECT_EQ(InitialState(RequestKind::kJoin, held, 7), S::kSubmitted) << ToString(role);
  }
  EXPECT_EQ(InitialState(RequestKind::kJoin, {}, 7), S::kSubmitted);
}

TEST(MembershipRequest, OnlySubmittedAndNominatedRequestsAreOpen) {
  EXPECT_TRUE(IsOpen(S::kSubmitted));
  EXPECT_TRUE(IsOpen(S::kNominated));
  EXPECT_FALSE(IsOpen(S::kApproved));
  EXPECT_FALSE(IsOpen(S::kRejected));
  EXPECT_FALSE(IsOpen(S::kWithdrawn));
}

TEST(MembershipRequest, StatesHaveVietnameseNames) {
  EXPECT_EQ(VietnameseName(S::kSubmitted), "đã gửi");
  EXPECT_EQ(VietnameseName(S::kNominated), "đã giới thiệu");
  EXPECT_EQ(VietnameseName(S::kApproved), "đã phê duyệt");
  EXPECT_EQ(VietnameseName(S::kRejected), "đã từ chối");
  EXPECT_EQ(VietnameseName(S::kWithdrawn), "đã rút");
}

TEST(MembershipRequest, KindsAndStatesRoundTripThroughTheirNames) {
  for (RequestKind k : {RequestKind::kJoin, RequestKind::kLeave}) {
    EXPECT_EQ(ParseRequestKind(ToString(k)), k);
  }
  for (S s : {S::kSubmitted, S::kNominated, S::kApproved, S::kRejected, S::kWithdrawn}) {
    EXPECT_EQ(ParseRequestState(ToString(s)), s);
  }
  EXPECT_EQ(ToString(RequestKind::kJoin), "join");
  EXPECT_EQ(ToString(RequestKind::kLeave), "leave");
  EXPECT_EQ(ToString(S::kNominated), "nominated");
  EXPECT_EQ(ToString(A::kWithdraw), "withdraw");
}

TEST(MembershipRequest, UnknownNamesAreNotParsed) {
  EXPECT_FALSE(ParseRequestKind("transfer"));
  EXPECT_FALSE(ParseRequestKind("Join"));
  EXPECT_FALSE(ParseRequestKind(""));
  EXPECT_FALSE(ParseRequestState("pending"));
  EXPECT_FALSE(ParseRequestState("đã gửi"));
  EXPECT_FALSE(ParseRequestState(""));
}

}  // namespace
}  // namespace cnscd
