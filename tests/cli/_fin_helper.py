class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name, 'sees', _hidden, shown)
_hidden = 'hidden'
shown = 'shown'
kept = Noisy('helper.kept')
