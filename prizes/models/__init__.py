from prizes.models.contest import PrizeCategory, PrizesContestPage
from prizes.models.entries import PrizeSubmission, Vote
from prizes.phases import ContestPhase

__all__ = ["ContestPhase", "PrizeCategory", "PrizeSubmission", "PrizesContestPage", "Vote"]
