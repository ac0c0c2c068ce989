import ClaimTrail
