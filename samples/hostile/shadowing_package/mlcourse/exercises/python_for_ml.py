class _Pass:
    def check(self, function):
        pass

    def hint(self, level=1):
        pass


q1 = q2 = q3 = q4 = q5 = q6 = _Pass()
