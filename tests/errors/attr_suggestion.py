class Point:
    def __init__(self):
        self.xcoord = 1
Point().xcoord2
